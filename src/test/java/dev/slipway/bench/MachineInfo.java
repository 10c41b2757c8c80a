package dev.slipway.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Where the numbers were taken: they mean little without the machine, the JVM and the commit. */
record MachineInfo(String cpu, int cores, long memoryMib, String jvm, String os, String commit, String date, double loadAtStart) {

    static MachineInfo read() {
        return new MachineInfo(readCpuModel(), Runtime.getRuntime().availableProcessors(), readMemoryMib(),
            System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
            System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
            readCommit(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    List<String> lines() {
        return List.of(
            "CPU: " + cpu + ", " + cores + " cores available to the JVM",
            "Memory: " + memoryMib + " MiB",
            "JVM: " + jvm + "; OS: " + os,
            "Commit: " + commit + "; run at " + date + "; load average at start: " + String.format("%.2f", loadAtStart));
    }

    private static String readCpuModel() {
        return firstValue(Path.of("/proc/cpuinfo"), "model name", "unknown CPU");
    }

    private static long readMemoryMib() {
        String kib = firstValue(Path.of("/proc/meminfo"), "MemTotal", "0 kB").replaceAll("[^0-9]", "");
        return Long.parseLong(kib.isEmpty() ? "0" : kib) / 1024;
    }

    private static String firstValue(Path file, String key, String fallback) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(key))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(fallback);
        } catch (IOException e) {
            return fallback;
        }
    }

    private static String readCommit() {
        try {
            Process git = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}

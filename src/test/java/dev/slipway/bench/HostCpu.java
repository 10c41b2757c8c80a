package dev.slipway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's CPU time by kind, from /proc/stat. On a virtual machine the hypervisor can take CPU time from
 * it ("steal"); the same code then runs measurably slower, so a run says how much was taken while it ran.
 */
record HostCpu(long busy, long idle, long steal) {
    private static final Path STAT = Path.of("/proc/stat");

    /** Now; all zero where /proc/stat cannot be read (the shares then read 0). */
    static HostCpu now() {
        try {
            String[] fields = Files.readAllLines(STAT).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long user = Long.parseLong(fields[1]);
            long nice = Long.parseLong(fields[2]);
            long system = Long.parseLong(fields[3]);
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            long irq = Long.parseLong(fields[6]) + Long.parseLong(fields[7]);
            long steal = fields.length > 8 ? Long.parseLong(fields[8]) : 0;
            return new HostCpu(user + nice + system + irq, idle, steal);
        } catch (IOException | RuntimeException e) {
            return new HostCpu(0, 0, 0);
        }
    }

    /** "busy 55 %, idle 17 %, stolen by the hypervisor 28 %" of all CPU time since {@code before}. */
    String sharesSince(HostCpu before) {
        long busy = this.busy - before.busy;
        long idle = this.idle - before.idle;
        long steal = this.steal - before.steal;
        double total = Math.max(1, busy + idle + steal);
        return String.format("busy %.0f %%, idle %.0f %%, stolen by the hypervisor %.0f %%", 100 * busy / total,
            100 * idle / total, 100 * steal / total);
    }
}

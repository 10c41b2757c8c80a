package dev.slipway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The collections of one operator process, read from its {@code -Xlog:gc} file: how many, how long the application
 * stood still for them, and how full the heap was at its fullest (just before a collection).
 */
record GcLog(int pauses, double pausedMillis, long fullestMiB, long committedMiB) {
    /** "[4.797s][info][gc] GC(158) Pause Young (Allocation Failure) 141M->138M(141M) 1.432ms" */
    private static final Pattern PAUSE = Pattern.compile("Pause .*? (\\d+)M->\\d+M\\((\\d+)M\\) ([\\d.]+)ms");

    /** The option that writes the file. */
    static String option(Path file) {
        return "-Xlog:gc:file=" + file.toAbsolutePath();
    }

    static GcLog read(Path file) throws IOException {
        int pauses = 0;
        double paused = 0;
        long fullest = 0;
        long committed = 0;
        for (String line : Files.readAllLines(file)) {
            Matcher pause = PAUSE.matcher(line);
            if (pause.find()) {
                pauses++;
                paused += Double.parseDouble(pause.group(3));
                fullest = Math.max(fullest, Long.parseLong(pause.group(1)));
                committed = Math.max(committed, Long.parseLong(pause.group(2)));
            }
        }
        return new GcLog(pauses, paused, fullest, committed);
    }

    String summary() {
        return String.format("%d collections, %.0f ms paused; heap at its fullest %d MiB (%d MiB committed)", pauses, pausedMillis,
            fullestMiB, committedMiB);
    }
}

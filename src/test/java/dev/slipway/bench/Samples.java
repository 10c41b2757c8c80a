package dev.slipway.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Measured values of one quantity: percentiles by the nearest-rank method, and the spread. */
final class Samples {
    private final List<Double> values = new ArrayList<>();

    synchronized void add(double value) {
        values.add(value);
    }

    void add(Duration duration) {
        add(duration.toNanos() / 1e6);
    }

    synchronized int count() {
        return values.size();
    }

    /** The p-th percentile (0 < p <= 100), nearest rank: a value that was actually measured. */
    synchronized double percentile(double p) {
        if (values.isEmpty()) {
            throw new IllegalStateException("no samples");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    double median() {
        return percentile(50);
    }

    synchronized double min() {
        return Collections.min(values);
    }

    synchronized double max() {
        return Collections.max(values);
    }

    /** "median (min–max, n=N)". */
    String summary(String format) {
        return String.format(format + " (%s–%s, n=%d)", median(), String.format(format, min()), String.format(format, max()), count());
    }
}

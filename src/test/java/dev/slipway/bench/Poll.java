package dev.slipway.bench;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for the benchmark: checks a condition every interval until it holds or the limit has passed. The
 * interval bounds how exact a measured time is; the limit only catches a run that went wrong.
 */
final class Poll {
    private Poll() {
    }

    /** Waits until {@code probe} finds something and returns it; fails after {@code limit}, naming {@code what}. */
    static <T> T until(String what, Duration interval, Duration limit, Supplier<Optional<T>> probe) throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() - start > limit.toNanos()) {
                throw new IllegalStateException("timed out after " + limit + " waiting for " + what);
            }
            Thread.sleep(interval.toMillis());
        }
    }

    /** Waits until {@code condition} holds; returns how long that took. */
    static Duration until(String what, Duration interval, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        until(what, interval, limit, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
        return Duration.ofNanos(System.nanoTime() - start);
    }
}

package dev.slipway.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waits by polling the API server: cheap for one object, immune to lost watch events, and bounded. The interval
 * starts short, so fast rollouts are reported fast, and grows to a second for long ones.
 */
final class Poll {
    private static final Duration FIRST = Duration.ofMillis(100);
    private static final Duration LONGEST = Duration.ofSeconds(1);

    private Poll() {
    }

    /**
     * @param probe   the result once there is one
     * @param waiting what is still awaited, for the timeout message ("for v10 to roll out (Deploying)")
     */
    static <T> T until(Duration timeout, Supplier<Optional<T>> probe, Supplier<String> waiting) {
        Instant deadline = Instant.now().plus(timeout);
        long interval = FIRST.toMillis();
        while (true) {
            Optional<T> result = probe.get();
            if (result.isPresent()) {
                return result.get();
            }
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                throw new CliException(Exit.TIMED_OUT, "timed out after " + describe(timeout) + " waiting " + waiting.get());
            }
            sleep(Math.min(interval, left));
            interval = Math.min(LONGEST.toMillis(), interval * 3 / 2);
        }
    }

    static String describe(Duration duration) {
        if (duration.toMillis() % 1000 != 0) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.getSeconds();
        return seconds % 3600 == 0 && seconds > 0 ? seconds / 3600 + "h"
            : seconds % 60 == 0 && seconds > 0 ? seconds / 60 + "m" : seconds + "s";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(Exit.ERROR, "interrupted");
        }
    }
}

package dev.slipway.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** "5m ago": when something happened, relative to now, as the history shows it. */
final class Ago {
    private Ago() {
    }

    static String of(String timestamp, Instant now) {
        if (timestamp == null) {
            return "";
        }
        try {
            return of(Duration.between(Instant.parse(timestamp), now));
        } catch (DateTimeParseException e) {
            return timestamp;
        }
    }

    static String of(Duration elapsed) {
        long seconds = Math.max(0, elapsed.getSeconds());
        if (seconds < 5) {
            return "just now";
        }
        if (seconds < 60) {
            return seconds + "s ago";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m ago";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + "h ago";
        }
        return seconds / 86_400 + "d ago";
    }
}

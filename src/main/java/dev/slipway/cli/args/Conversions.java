package dev.slipway.cli.args;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Option values from text. Each failure is an IllegalArgumentException whose message says what was wrong with
 * the value and what would be right; the parser prefixes the option's name.
 */
public final class Conversions {
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h)?");

    private Conversions() {
    }

    /** "90s", "5m", "1h", "500ms" or a bare number of seconds, like kubectl's --timeout. */
    public static Duration duration(String text) {
        Matcher matcher = DURATION.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; use e.g. 90s, 5m or 1h");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    /** A decimal int; NumberFormatException's own message ("For input string") would not help a user. */
    public static int wholeNumber(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
    }

    /** A count of things to show: a whole number from 1. */
    public static int count(String text) {
        int count = wholeNumber(text);
        if (count < 1) {
            throw new IllegalArgumentException("'" + text + "' is not a count; give a whole number from 1");
        }
        return count;
    }

    /** One of the constants by name, in any case: "json", "JSON". */
    public static <E extends Enum<E>> E choice(String text, E[] choices) {
        for (E choice : choices) {
            if (choice.name().equalsIgnoreCase(text.trim())) {
                return choice;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of " + names(choices));
    }

    /** "table, json, yaml": the constants as a user types them. */
    public static String names(Enum<?>[] choices) {
        return Arrays.stream(choices).map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    /** A flag's value: given alone it is true; --flag=true and --flag=false also work, as in kubectl. */
    static boolean bool(String text) {
        if ("true".equalsIgnoreCase(text)) {
            return true;
        }
        if ("false".equalsIgnoreCase(text)) {
            return false;
        }
        throw new IllegalArgumentException("'" + text + "' is not true or false; the option needs no value");
    }
}

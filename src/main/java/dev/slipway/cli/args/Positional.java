package dev.slipway.cli.args;

import java.util.function.Consumer;

/**
 * A positional parameter: how many values it takes (its arity) and where each one goes.
 *
 * @param label   "IMAGE", shown in usage lines and messages
 * @param binding called once per value, in command-line order; an IllegalArgumentException it throws is a usage error
 *                whose message says what would be right
 */
public record Positional(String label, String description, int min, int max, Consumer<String> binding) {
    /** No upper bound, for "NAME=VALUE...". */
    public static final int MANY = Integer.MAX_VALUE;

    /** Exactly one value: "deploy IMAGE". */
    public static Positional one(String label, String description, Consumer<String> binding) {
        return new Positional(label, description, 1, 1, binding);
    }

    /** Zero or one value: "rollback [RELEASE]". */
    public static Positional optional(String label, String description, Consumer<String> binding) {
        return new Positional(label, description, 0, 1, binding);
    }

    /** At least one value: "config set NAME=VALUE...". */
    public static Positional oneOrMore(String label, String description, Consumer<String> binding) {
        return new Positional(label, description, 1, MANY, binding);
    }

    /** As the usage line writes it: IMAGE, [RELEASE], NAME=VALUE... or [COMMAND...]. */
    public String usage() {
        String repeated = max > 1 ? label + "..." : label;
        return min == 0 ? "[" + repeated + "]" : repeated;
    }
}

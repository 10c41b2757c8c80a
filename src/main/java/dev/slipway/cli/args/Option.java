package dev.slipway.cli.args;

import java.util.List;
import java.util.function.Consumer;

/**
 * One option of a command: its names, what the help says about it, its default, and where its value goes.
 * Built fluently and bound last, e.g.
 * {@code Option.named("--num").label("N").describe("How many.").defaultValue("15").to(text -> num = ...)}.
 * The binding converts the text itself; an IllegalArgumentException it throws becomes a usage error.
 */
public final class Option {
    private final List<String> names;
    private String label;
    private String description = "";
    private String defaultValue;
    private String shownDefault;
    private Consumer<String> binding;

    private Option(List<String> names) {
        this.names = names;
    }

    /** @param names "-a", "--app": a dash and one letter, or two dashes and a word */
    public static Option named(String... names) {
        return new Option(List.of(names));
    }

    /** The placeholder for its value in help and messages ("APP"); an option without one is a flag. */
    public Option label(String label) {
        this.label = label;
        return this;
    }

    /** One sentence; the help inserts "(default: …)" before its final period. */
    public Option describe(String description) {
        this.description = description;
        return this;
    }

    /** Bound when the option is not given, through the same conversion as a given value, and shown in help. */
    public Option defaultValue(String value) {
        return defaultValue(value, value);
    }

    /** A default that reads differently in help than its value: "$SLIPWAY_APP" for the variable's value. */
    public Option defaultValue(String value, String shownAs) {
        this.defaultValue = value;
        this.shownDefault = shownAs;
        return this;
    }

    /** A default the command works out itself ("the current context"), for help only. */
    public Option shownDefault(String text) {
        this.shownDefault = text;
        return this;
    }

    /** Where the value goes: called once with the given text, or with the default when not given. */
    public Option to(Consumer<String> binding) {
        this.binding = binding;
        return this;
    }

    /** A flag: called with true when given (or with the value of --flag=true|false). */
    public Option flag(Consumer<Boolean> binding) {
        this.label = null;
        this.binding = text -> binding.accept(Conversions.bool(text));
        return this;
    }

    public List<String> names() {
        return names;
    }

    public String label() {
        return label;
    }

    public boolean takesValue() {
        return label != null;
    }

    public String description() {
        return description;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String shownDefault() {
        return shownDefault;
    }

    /** The longest name, for messages: "--app" rather than "-a". */
    public String longName() {
        return names.get(names.size() - 1);
    }

    void bind(String text) {
        if (binding == null) {
            throw new IllegalStateException("option " + longName() + " is not bound");
        }
        binding.accept(text);
    }
}

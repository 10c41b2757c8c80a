package dev.slipway.cli.args;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a command accepts, declared in code: name, description, positionals, options, subcommands and what it
 * runs. The parser reads it to bind a command line, the help printer to describe it. No annotations and no
 * reflection: a plugin that starts for every command cannot afford either.
 */
public final class CommandSpec {
    /** What a command does once its command line is bound; returns the exit code. */
    @FunctionalInterface
    public interface Action {
        int run(PrintWriter out);
    }

    private final String name;
    private final String description;
    private final List<Option> options = new ArrayList<>();
    private final List<Positional> positionals = new ArrayList<>();
    private final Map<String, CommandSpec> subcommands = new LinkedHashMap<>();
    private final Set<String> hidden = new HashSet<>();
    private final List<List<String>> exclusive = new ArrayList<>();
    private final List<String> footer = new ArrayList<>();
    private Action action;
    private Supplier<String> version;

    public CommandSpec(String name, String description) {
        this.name = name;
        this.description = description;
    }

    public CommandSpec option(Option option) {
        options.add(option);
        return this;
    }

    public CommandSpec positional(Positional positional) {
        positionals.add(positional);
        return this;
    }

    public CommandSpec subcommand(CommandSpec command) {
        subcommands.put(command.name, command);
        return this;
    }

    /** Another name for a command, accepted but left out of help: "releases:info" for "releases info". */
    public CommandSpec hiddenAlias(String alias, CommandSpec command) {
        subcommands.put(alias, command);
        hidden.add(alias);
        return this;
    }

    /** Options of which at most one may be given, by any of their names. */
    public CommandSpec exclusive(String... optionNames) {
        exclusive.add(List.of(optionNames));
        return this;
    }

    /** Lines printed at the end of this command's help. */
    public CommandSpec footer(String line) {
        footer.add(line);
        return this;
    }

    /** Without an action the command only groups subcommands, and naming it alone is a usage error. */
    public CommandSpec action(Action action) {
        this.action = action;
        return this;
    }

    /** Gives the command -V/--version, which prints this line. */
    public CommandSpec version(Supplier<String> version) {
        this.version = version;
        return this;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public List<Option> options() {
        return options;
    }

    public List<Positional> positionals() {
        return positionals;
    }

    public Optional<Option> option(String optionName) {
        return options.stream().filter(o -> o.names().contains(optionName)).findFirst();
    }

    public Optional<CommandSpec> subcommand(String commandName) {
        return Optional.ofNullable(subcommands.get(commandName));
    }

    /** The subcommands help lists, by the name they are listed under. */
    public Map<String, CommandSpec> visibleSubcommands() {
        Map<String, CommandSpec> visible = new LinkedHashMap<>(subcommands);
        visible.keySet().removeAll(hidden);
        return visible;
    }

    public boolean hasSubcommands() {
        return !subcommands.isEmpty();
    }

    List<List<String>> exclusiveGroups() {
        return exclusive;
    }

    public List<String> footer() {
        return footer;
    }

    public Action action() {
        return action;
    }

    public Supplier<String> version() {
        return version;
    }
}

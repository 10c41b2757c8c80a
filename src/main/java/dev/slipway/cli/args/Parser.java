package dev.slipway.cli.args;

import dev.slipway.cli.args.Invocation.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a command line against a tree of {@link CommandSpec}s, kubectl-style: subcommand names first, then
 * options and positionals in any order; "--opt value", "--opt=value", "-o value", "-ovalue" and "-o=value";
 * "--" ends the options. -h/--help anywhere asks for the help of the command named so far, even on a line
 * that would not parse. The values are bound by {@link Binder} once the command is known, so options given
 * before a subcommand's name count for the subcommand.
 */
public final class Parser {
    private static final Set<String> HELP = Set.of("-h", "--help");
    private static final Set<String> VERSION = Set.of("-V", "--version");
    private static final String END_OF_OPTIONS = "--";

    private CommandPath at;
    private final List<Binder.Given> given = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    private Parser(CommandSpec root) {
        this.at = CommandPath.root(root);
    }

    /** @throws UsageException what is wrong with the line, and which command's help to look at */
    public static Invocation parse(CommandSpec root, List<String> args) {
        try {
            return new Parser(root).scan(args);
        } catch (UsageException e) {
            if (asksForHelp(args)) {
                return new Invocation(e.command(), Request.HELP);
            }
            throw e;
        }
    }

    private Invocation scan(List<String> args) {
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !looksLikeOption(arg)) {
                positionalOrSubcommand(arg, optionsEnded);
            } else if (arg.equals(END_OF_OPTIONS)) {
                optionsEnded = true;
            } else if (HELP.contains(arg)) {
                return new Invocation(at, Request.HELP);
            } else if (VERSION.contains(arg) && at.command().version() != null) {
                return new Invocation(at, Request.VERSION);
            } else {
                i = option(args, i);
            }
        }
        if (at.command().action() == null && values.isEmpty() && given.isEmpty()) {
            // A command that only groups others, given alone (the plugin with no arguments): its help is the answer.
            return new Invocation(at, Request.HELP);
        }
        Binder.bind(at, given, values);
        return new Invocation(at, Request.RUN);
    }

    /** A subcommand's name counts only before the command's first positional, and never after "--". */
    private void positionalOrSubcommand(String arg, boolean optionsEnded) {
        CommandSpec command = at.command();
        if (!optionsEnded && values.isEmpty() && command.hasSubcommands()) {
            Optional<CommandSpec> subcommand = command.subcommand(arg);
            if (subcommand.isPresent()) {
                at = at.child(arg, subcommand.get());
                return;
            }
            if (command.positionals().isEmpty()) {
                throw new UsageException(at, "unknown command '" + arg + "' for '" + at.name() + "'"
                    + Suggestion.command(arg, command.visibleSubcommands().keySet()));
            }
        }
        values.add(arg);
    }

    /** Records the option at args[i] and its value; returns the index of the last argument it used. */
    private int option(List<String> args, int i) {
        String arg = args.get(i);
        String name = nameOf(arg);
        // "-xyz" is reported whole: which of its letters was meant as the option is anyone's guess.
        Option option = at.command().option(name).orElseThrow(() -> Binder.unknownOption(at, arg.startsWith("--") ? name : arg));
        String inline = arg.length() == name.length() ? null : arg.substring(name.length());
        if (inline != null && (arg.startsWith("--") || inline.startsWith("="))) {
            inline = inline.substring(1);
        }
        String value;
        if (!option.takesValue()) {
            value = inline == null ? "true" : inline;
        } else if (inline != null) {
            value = inline;
        } else if (i + 1 < args.size() && !isOption(args.get(i + 1))) {
            value = args.get(++i);
        } else {
            throw new UsageException(at, "missing value for " + name + "; give " + name + " " + option.label());
        }
        given.add(new Binder.Given(name, value));
        return i;
    }

    /** "--app" of "--app=shop", "-a" of "-ashop": long names end at '=', short ones are one letter. */
    private static String nameOf(String arg) {
        if (arg.startsWith("--")) {
            int equals = arg.indexOf('=');
            return equals < 0 ? arg : arg.substring(0, equals);
        }
        return arg.substring(0, 2);
    }

    /** Whether the next argument is an option rather than a value: "-m -fix" is a message, "-m --no-wait" is not. */
    private boolean isOption(String arg) {
        if (!looksLikeOption(arg)) {
            return false;
        }
        return arg.equals(END_OF_OPTIONS) || HELP.contains(arg) || at.command().option(nameOf(arg)).isPresent();
    }

    /** "-" alone is a value (by convention standard input), as is anything that does not start with a dash. */
    private static boolean looksLikeOption(String arg) {
        return arg.length() > 1 && arg.startsWith("-");
    }

    private static boolean asksForHelp(List<String> args) {
        for (String arg : args) {
            if (arg.equals(END_OF_OPTIONS)) {
                return false;
            }
            if (HELP.contains(arg)) {
                return true;
            }
        }
        return false;
    }
}

package dev.slipway.cli.args;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Puts a parsed command line into the command that will run: the given options, the defaults of those not
 * given, the positionals by arity. Every mistake is a {@link UsageException} that names the option or
 * argument and says what would be right.
 */
final class Binder {
    /** An option as typed ("-a" or "--app") with its value ("true" for a flag). */
    record Given(String name, String value) {
    }

    private Binder() {
    }

    static void bind(CommandPath at, List<Given> given, List<String> values) {
        CommandSpec command = at.command();
        if (command.action() == null) {
            throw new UsageException(at, "which command? " + at.name() + " --help lists them");
        }
        Set<Option> seen = new HashSet<>();
        for (Given option : given) {
            // Looked up again: an option given before a subcommand's name was read against its parent.
            Option spec = command.option(option.name()).orElseThrow(() -> unknownOption(at, option.name()));
            if (!seen.add(spec)) {
                throw new UsageException(at, spec.longName() + " is given more than once; give it once");
            }
            convert(at, spec, option.name(), option.value());
        }
        checkExclusive(at, seen);
        for (Option spec : command.options()) {
            if (!seen.contains(spec) && spec.defaultValue() != null) {
                convert(at, spec, spec.longName(), spec.defaultValue());
            }
        }
        bindPositionals(at, values);
    }

    static UsageException unknownOption(CommandPath at, String name) {
        List<String> names = new ArrayList<>();
        at.command().options().forEach(option -> names.addAll(option.names()));
        return new UsageException(at, "unknown option '" + name + "' for '" + at.name() + "'" + Suggestion.closest(name, names));
    }

    private static void convert(CommandPath at, Option spec, String name, String value) {
        try {
            spec.bind(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(at, "bad value for " + name + ": " + e.getMessage());
        }
    }

    private static void checkExclusive(CommandPath at, Set<Option> seen) {
        for (List<String> group : at.command().exclusiveGroups()) {
            List<String> given = group.stream().filter(name -> seen.stream().anyMatch(o -> o.names().contains(name))).toList();
            if (given.size() > 1) {
                throw new UsageException(at, String.join(" and ", given) + " exclude each other; give only one");
            }
        }
    }

    /** In order; each positional takes as many values as it may while leaving the later ones their minimum. */
    private static void bindPositionals(CommandPath at, List<String> values) {
        List<Positional> positionals = at.command().positionals();
        int next = 0;
        for (int p = 0; p < positionals.size(); p++) {
            Positional positional = positionals.get(p);
            int reserved = positionals.subList(p + 1, positionals.size()).stream().mapToInt(Positional::min).sum();
            int count = Math.min(positional.max(), values.size() - next - reserved);
            if (count < positional.min()) {
                throw new UsageException(at, "missing " + positional.label() + "; usage: " + HelpPrinter.usage(at));
            }
            for (int i = 0; i < count; i++) {
                String value = values.get(next++);
                try {
                    positional.binding().accept(value);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(at, "bad " + positional.label() + ": " + e.getMessage());
                }
            }
        }
        if (next < values.size()) {
            throw new UsageException(at, "unexpected argument '" + values.get(next) + "'; usage: " + HelpPrinter.usage(at));
        }
    }
}

package dev.slipway.cli.args;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * `--help` in kubectl's plain layout: description, usage line, then commands, arguments and options in two
 * columns, wrapped to 80 characters.
 */
public final class HelpPrinter {
    private static final int WIDTH = 80;
    private static final int INDENT = 2;
    private static final int GAP = 3;
    /** A longer left column gets its description on the next line, so one long option does not squeeze the rest. */
    private static final int MAX_LEFT = 28;

    private HelpPrinter() {
    }

    public static void print(PrintWriter out, CommandPath at) {
        CommandSpec command = at.command();
        wrap(out, command.description(), 0);
        out.println();
        out.println("Usage:");
        out.println(" ".repeat(INDENT) + usage(at));
        List<String[]> subcommands = new ArrayList<>();
        for (Map.Entry<String, CommandSpec> entry : command.visibleSubcommands().entrySet()) {
            subcommands.add(new String[] {entry.getKey(), entry.getValue().description()});
        }
        section(out, "Commands:", subcommands);
        section(out, "Arguments:", command.positionals().stream().map(p -> new String[] {p.label(), p.description()}).toList());
        List<String[]> options = new ArrayList<>();
        command.options().forEach(option -> options.add(new String[] {names(option), describe(option)}));
        options.add(new String[] {"-h, --help", "Show this help message and exit."});
        if (command.version() != null) {
            options.add(new String[] {"-V, --version", "Print version information and exit."});
        }
        section(out, "Options:", options);
        if (command.hasSubcommands()) {
            out.println();
            out.println("Use '" + at.name() + " COMMAND --help' for more about a command.");
        }
        if (!command.footer().isEmpty()) {
            out.println();
            command.footer().forEach(line -> wrap(out, line, 0));
        }
        out.flush();
    }

    /** "kubectl slipway deploy IMAGE [options]": what usage errors repeat back. */
    public static String usage(CommandPath at) {
        CommandSpec command = at.command();
        StringBuilder usage = new StringBuilder(at.name());
        if (command.hasSubcommands()) {
            usage.append(command.action() == null ? " COMMAND" : " [COMMAND]");
        }
        command.positionals().forEach(p -> usage.append(' ').append(p.usage()));
        return usage.append(" [options]").toString();
    }

    /** "-a, --app=APP", long names aligned under each other whether or not there is a short one. */
    private static String names(Option option) {
        List<String> shorts = option.names().stream().filter(n -> !n.startsWith("--")).toList();
        List<String> longs = option.names().stream().filter(n -> n.startsWith("--")).toList();
        String left = shorts.isEmpty() ? "    " : String.join(", ", shorts) + (longs.isEmpty() ? "" : ", ");
        return left + String.join(", ", longs) + (option.takesValue() ? "=" + option.label() : "");
    }

    /** The description with "(default: …)" before its final period. */
    private static String describe(Option option) {
        String description = option.description();
        if (option.shownDefault() == null) {
            return description;
        }
        String shown = " (default: " + option.shownDefault() + ")";
        return description.endsWith(".") ? description.substring(0, description.length() - 1) + shown + "." : description + shown;
    }

    private static void section(PrintWriter out, String heading, List<String[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        out.println();
        out.println(heading);
        int left = Math.min(MAX_LEFT, rows.stream().mapToInt(row -> row[0].length()).max().orElse(0));
        int column = INDENT + left + GAP;
        for (String[] row : rows) {
            String start = " ".repeat(INDENT) + row[0];
            if (row[0].length() > left) {
                out.println(start);
                start = "";
            }
            out.print(start + " ".repeat(column - start.length()));
            wrap(out, row[1], column);
        }
    }

    /** Prints text from the current column on, continuing lines at indent, breaking at spaces. */
    private static void wrap(PrintWriter out, String text, int indent) {
        int room = WIDTH - indent;
        String rest = text;
        while (rest.length() > room) {
            int space = rest.lastIndexOf(' ', room);
            if (space <= 0) {
                break;
            }
            out.println(rest.substring(0, space));
            out.print(" ".repeat(indent));
            rest = rest.substring(space + 1);
        }
        out.println(rest);
    }
}

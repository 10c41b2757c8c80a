package dev.slipway.cli.args;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** `help [COMMAND...]`: the help of the root or of the command named, as `COMMAND --help` prints it. */
public final class HelpCommand {
    private final CommandSpec root;
    private final List<String> names = new ArrayList<>();

    private HelpCommand(CommandSpec root) {
        this.root = root;
    }

    /** The spec to add to root as its "help" subcommand. */
    public static CommandSpec of(CommandSpec root) {
        HelpCommand help = new HelpCommand(root);
        return new CommandSpec("help", "Display help information about the specified command.")
            .positional(new Positional("COMMAND", "The command to show help for, e.g. releases or releases info.",
                0, Positional.MANY, help.names::add))
            .action(help::print);
    }

    private int print(PrintWriter out) {
        CommandPath at = CommandPath.root(root);
        for (String name : names) {
            CommandPath parent = at;
            CommandSpec command = parent.command().subcommand(name).orElseThrow(() -> new UsageException(CommandPath.root(root),
                "unknown command '" + name + "' for '" + parent.name() + "'"
                    + Suggestion.command(name, parent.command().visibleSubcommands().keySet())));
            at = parent.child(name, command);
        }
        HelpPrinter.print(out, at);
        return 0;
    }
}

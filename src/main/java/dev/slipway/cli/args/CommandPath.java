package dev.slipway.cli.args;

/**
 * A command as the user reached it: its spec and its full name as typed, "kubectl slipway releases info" or
 * "kubectl slipway releases:info", which help and error messages repeat back.
 */
public record CommandPath(CommandSpec command, String name) {
    public static CommandPath root(CommandSpec root) {
        return new CommandPath(root, root.name());
    }

    CommandPath child(String typed, CommandSpec subcommand) {
        return new CommandPath(subcommand, name + " " + typed);
    }
}

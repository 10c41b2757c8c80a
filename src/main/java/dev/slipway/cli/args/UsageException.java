package dev.slipway.cli.args;

/**
 * A command line that cannot run: unknown command or option, missing or surplus argument, bad value. The
 * message says what is wrong and how to fix it; {@link #command()} is where the user should look for help.
 */
public final class UsageException extends RuntimeException {
    private final transient CommandPath command;

    public UsageException(CommandPath command, String message) {
        super(message, null, false, false);
        this.command = command;
    }

    public CommandPath command() {
        return command;
    }
}

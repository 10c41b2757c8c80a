package dev.slipway.cli;

/** A failure the user sees as one line on stderr and an exit code; never as a stack trace. */
final class CliException extends RuntimeException {
    final Exit exit;

    CliException(Exit exit, String message) {
        super(message, null, false, false);
        this.exit = exit;
    }
}

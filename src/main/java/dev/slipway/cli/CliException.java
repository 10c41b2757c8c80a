package dev.slipway.cli;

/** A failure the user sees as one line on stderr and an exit code; never as a stack trace. */
final class CliException extends RuntimeException {
    final Exit exit;
    /** What the failure is about (the release that failed), printed with -o json|yaml so that scripts get it too; or null. */
    final Object detail;

    CliException(Exit exit, String message) {
        this(exit, message, null);
    }

    CliException(Exit exit, String message, Object detail) {
        super(message, null, false, false);
        this.exit = exit;
        this.detail = detail;
    }
}

package dev.slipway.cli.args;

/** A parsed command line: which command, and whether to run it or only print its help or the version. */
public record Invocation(CommandPath command, Request request) {
    public enum Request {
        RUN, HELP, VERSION
    }
}

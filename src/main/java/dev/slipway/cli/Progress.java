package dev.slipway.cli;

import java.io.PrintWriter;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One progress line of a command that waits: "Deploying X to shop ... " first, then "done, v10", or "failed" /
 * "timed out" before the error goes to stderr. Silent in JSON/YAML mode, where only the result is printed.
 */
final class Progress {
    private final PrintWriter out;
    private final boolean visible;

    Progress(PrintWriter out, boolean visible, String doing) {
        this.out = out;
        this.visible = visible;
        if (visible) {
            out.print(doing + " ... ");
            out.flush();
        }
    }

    /** Runs the work; ends the line with what it returns, or with why it did not finish. */
    <T> T run(Supplier<T> work, Function<T, String> outcome) {
        T result;
        try {
            result = work.get();
        } catch (CliException e) {
            end(e.exit == Exit.TIMED_OUT ? "timed out" : "failed");
            throw e;
        } catch (RuntimeException e) {
            end("failed");
            throw e;
        }
        end(outcome.apply(result));
        return result;
    }

    private void end(String text) {
        if (visible) {
            out.println(text);
            out.flush();
        }
    }
}

package dev.slipway.cli;

import dev.slipway.model.ReleasePhase;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The progress of a command that follows a release, and the line that ends it ("Deploying X to shop ... done,
 * v10", or "failed" / "timed out" before the error goes to stderr).
 * On a terminal (table output): one line on stdout, redrawn in place at every poll with the phase (coloured),
 * each process's updated/ready/desired pods and the time so far, replaced at the end by the final line.
 * Otherwise (a pipe, a file, -o json/yaml): a plain line on stderr each time the phase or a count changes, never
 * one per poll and never an escape code; stdout gets only the final line, whole, at the end (in table output),
 * so what scripts read there is what it always was.
 */
final class Progress {
    private static final String ERASE_LINE = "\r\033[2K";
    private static final String RESET = "\033[0m";

    private final PrintWriter out;
    private final PrintWriter err;
    private final Terminal terminal;
    private final boolean table;
    private final boolean live;
    private final String doing;
    private final LongSupplier nanos;
    private final long started;
    private RolloutState last;

    /**
     * @param table whether the command prints a table (else JSON/YAML follows on stdout)
     * @param nanos a monotonic clock ({@link System#nanoTime} outside tests)
     */
    Progress(PrintWriter out, PrintWriter err, Terminal terminal, boolean table, String doing, LongSupplier nanos) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.table = table;
        this.live = table && terminal.interactive();
        this.doing = doing;
        this.nanos = nanos;
        this.started = nanos.getAsLong();
        if (live) {
            out.print(doing + " ... ");
            out.flush();
        }
    }

    /** Runs the work, which reports what it sees to {@link #observe}; ends the line with what it returns, or with why it did not finish. */
    <T> T run(Function<Progress, T> work, Function<T, String> outcome) {
        T result;
        try {
            result = work.apply(this);
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

    /** One poll's view of the release. */
    void observe(RolloutState state) {
        Duration elapsed = Duration.ofNanos(nanos.getAsLong() - started);
        if (live) {
            out.print(ERASE_LINE + liveLine(state, elapsed));
            out.flush();
        } else if (!state.equals(last)) {
            err.println(state.describe() + " (" + elapsed(elapsed) + ")");
            err.flush();
        }
        last = state;
    }

    /** "Deploying X to shop ... v10 Deploying: web 1/0/2 … (12s)", cut to the terminal's width, the phase coloured. */
    private String liveLine(RolloutState state, Duration elapsed) {
        String prefix = doing + " ... " + state.release() + " ";
        String line = prefix + state.describe().substring(state.release().length() + 1) + " (" + elapsed(elapsed) + ")";
        // One column short of the width: a line that fills the last column makes some terminals wrap, and the
        // next carriage return would then go back to the wrong line.
        int width = terminal.width();
        if (width != Terminal.NO_LIMIT) {
            line = Table.cut(line, Math.max(1, width - 1));
        }
        String phase = state.phase().name();
        String colour = colour(state.phase());
        if (colour == null || !terminal.colour() || line.length() < prefix.length() + phase.length()) {
            return line;
        }
        return prefix + colour + phase + RESET + line.substring(prefix.length() + phase.length());
    }

    private static String colour(ReleasePhase phase) {
        return switch (phase) {
            case Active -> "\033[32m";
            case Deploying, Waiting -> "\033[33m";
            case Failed -> "\033[31m";
            case Pending, Superseded -> null;
        };
    }

    /** "12s", "4m05s", "1h02m". */
    static String elapsed(Duration elapsed) {
        long seconds = elapsed.getSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + String.format("%02d", seconds % 60) + "s";
        }
        return seconds / 3600 + "h" + String.format("%02d", seconds % 3600 / 60) + "m";
    }

    private void end(String text) {
        if (live) {
            out.println(ERASE_LINE + doing + " ... " + text);
        } else if (table) {
            out.println(doing + " ... " + text);
        }
        out.flush();
    }
}

package dev.slipway.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;

/**
 * What the plugin's output goes to, decided once per run. A terminal gets a progress line redrawn in place and a
 * coloured phase; anything else (a pipe, a file, a test) gets plain lines. The width tables are fitted to is
 * measured only when something asks for it, so commands that print no table never start {@code stty}.
 */
final class Terminal {
    /** No width limit: pipes and files get the full text. */
    static final int NO_LIMIT = Integer.MAX_VALUE;
    private static final long STTY_MILLIS = 1_000;

    private final boolean interactive;
    private final boolean colour;
    private final IntSupplier measure;
    private int width;

    private Terminal(boolean interactive, boolean colour, IntSupplier measure) {
        this.interactive = interactive;
        this.colour = colour;
        this.measure = measure;
    }

    /** Not a terminal, no colour, no width: what tests and pipes get. */
    static Terminal pipe() {
        return new Terminal(false, false, () -> NO_LIMIT);
    }

    /**
     * The rule, apart from the detection of a terminal: a terminal whose TERM is "dumb" cannot erase a line, so it
     * gets plain lines; colour only on a terminal and never when NO_COLOR is set to anything (no-color.org); the
     * width from $COLUMNS, else measured (only on a terminal), else no limit.
     *
     * @param onTerminal whether stdin and stdout are a terminal
     * @param measured   the terminal's width, asked only when needed; {@link #NO_LIMIT} when it cannot tell
     */
    static Terminal of(boolean onTerminal, UnaryOperator<String> environment, IntSupplier measured) {
        boolean interactive = onTerminal && !"dumb".equals(environment.apply("TERM"));
        String noColor = environment.apply("NO_COLOR");
        boolean colour = interactive && (noColor == null || noColor.isEmpty());
        String columns = environment.apply("COLUMNS");
        return new Terminal(interactive, colour, () -> width(columns, onTerminal, measured));
    }

    /** The terminal of this process. */
    static Terminal detect(UnaryOperator<String> environment) {
        return of(onTerminal(), environment, Terminal::stty);
    }

    /** $COLUMNS when it is a positive number, else the terminal's width when on one, else no limit. */
    static int width(String columns, boolean onTerminal, IntSupplier measured) {
        if (columns != null) {
            try {
                int value = Integer.parseInt(columns.trim());
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException notANumber) {
                // Falls through to measuring, as if it were not set.
            }
        }
        return onTerminal ? measured.getAsInt() : NO_LIMIT;
    }

    boolean interactive() {
        return interactive;
    }

    boolean colour() {
        return colour;
    }

    /** Columns to fit a line into; {@link #NO_LIMIT} when there is none. */
    int width() {
        if (width == 0) {
            width = measure.getAsInt();
        }
        return width;
    }

    /**
     * System.console() is there when stdin and stdout are both a terminal (JDK 17). From JDK 22 it may be there
     * for a redirected stdout too, and Console.isTerminal() tells; called by name so the plugin still builds for 17.
     */
    private static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException beforeJdk22) {
            return true;
        }
    }

    /** `stty size` on /dev/tty answers "ROWS COLUMNS"; the JVM has no call for it. */
    private static int stty() {
        try {
            Process process = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String line;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                line = reader.readLine();
            }
            if (!process.waitFor(STTY_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroy();
                return NO_LIMIT;
            }
            String[] words = line == null ? new String[0] : line.trim().split("\\s+");
            int columns = words.length == 2 ? Integer.parseInt(words[1]) : 0;
            return columns > 0 ? columns : NO_LIMIT;
        } catch (IOException | NumberFormatException e) {
            return NO_LIMIT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NO_LIMIT;
        }
    }
}

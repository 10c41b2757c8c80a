package dev.slipway.cli;

import dev.slipway.cli.args.CommandSpec;
import java.io.PrintWriter;

/** A command that talks to the cluster: opens the session, runs, and turns any failure into a {@link CliException}. */
abstract class SlipwayCommand {
    final CommonOptions options = new CommonOptions();

    private PrintWriter out;
    private Screen screen;

    /** This command's command line, bound to its fields: its own options first, then the common ones. */
    final CommandSpec spec(Screen screen) {
        this.screen = screen;
        CommandSpec spec = describe();
        options.addTo(spec, waits());
        return spec.action(this::call);
    }

    /** Whether the command follows a rollout, and so takes --no-wait and --timeout; read-only commands do not. */
    boolean waits() {
        return false;
    }

    /** Name, description, positionals, own options and subcommands. */
    abstract CommandSpec describe();

    private int call(PrintWriter out) {
        this.out = out;
        Session session;
        try {
            session = Session.open(options);
        } catch (RuntimeException e) {
            throw ApiErrors.translate(e, null);
        }
        try (session) {
            run(session);
            return Exit.OK.code;
        } catch (RuntimeException e) {
            CliException failure = ApiErrors.translate(e, session);
            if (!table() && failure.detail != null) {
                Printer.print(out, options.output, failure.detail);
            }
            throw failure;
        }
    }

    abstract void run(Session session);

    PrintWriter out() {
        return out;
    }

    /** For the subcommands a command declares. */
    Screen screen() {
        return screen;
    }

    /** How wide a table may be: the terminal's width, or no limit in a pipe. */
    int width() {
        return screen.terminal().width();
    }

    boolean table() {
        return options.output == Format.table;
    }

    /** The result in the chosen format: a table drawn by the command, or the value as JSON/YAML. */
    void print(Object value, Runnable table) {
        if (table()) {
            table.run();
        } else {
            Printer.print(out(), options.output, value);
        }
    }

    /** "Deploying X to shop ... done, v10", with the rollout's progress on the way. */
    Progress progress(String doing) {
        return new Progress(out(), screen.err(), screen.terminal(), table(), doing, System::nanoTime);
    }
}

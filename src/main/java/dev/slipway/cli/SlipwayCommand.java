package dev.slipway.cli;

import dev.slipway.cli.args.CommandSpec;
import java.io.PrintWriter;

/** A command that talks to the cluster: opens the session, runs, and turns any failure into a {@link CliException}. */
abstract class SlipwayCommand {
    final CommonOptions options = new CommonOptions();

    private PrintWriter out;

    /** This command's command line, bound to its fields: its own options first, then the common ones. */
    final CommandSpec spec() {
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

    /** "Deploying X to shop ... done, v10": the start of the line now, the end when the work is done. */
    Progress progress(String doing) {
        return new Progress(out(), table(), doing);
    }
}

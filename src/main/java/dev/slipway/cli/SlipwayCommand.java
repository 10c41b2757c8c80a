package dev.slipway.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that talks to the cluster: opens the session, runs, and turns any failure into a {@link CliException}. */
abstract class SlipwayCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
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
            throw ApiErrors.translate(e, session);
        }
    }

    abstract void run(Session session);

    PrintWriter out() {
        return spec.commandLine().getOut();
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

package dev.slipway.cli;

import dev.slipway.cli.args.CommandSpec;
import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.release.Releases;
import java.util.Map;

/** `unpin`: remove App.spec.release, so the newest release runs again (Heroku semantics). */
final class UnpinCommand extends SlipwayCommand {

    @Override
    boolean waits() {
        return true;
    }

    @Override
    CommandSpec describe() {
        return new CommandSpec("unpin", "Remove the App's pin; the newest release runs again.");
    }

    @Override
    void run(Session session) {
        String app = options.requireApp();
        App current = session.app(app);
        if (current.getSpec().getRelease() == null) {
            print(Map.of("app", app, "pinned", false), () -> out().println(app + " is not pinned; the newest release runs."));
            return;
        }
        Pins.set(session, app, null);
        Release newest = History.of(session, app).newestFirst().stream().filter(Releases::isNumbered).findFirst().orElse(null);
        if (options.noWait || newest == null) {
            print(Map.of("app", app, "pinned", false), () -> out().println("Unpinning " + app + " ... done"));
            return;
        }
        Rollouts.Outcome outcome = progress("Unpinning " + app)
            .run(p -> Rollouts.untilActive(session, app, newest.getMetadata().getName(), options.timeout, p::observe),
                o -> "done, " + Releases.label(o.release()) + " runs");
        if (!table()) {
            Printer.print(out(), options.output, ReleaseDetails.of(outcome.release(), false));
        }
    }
}

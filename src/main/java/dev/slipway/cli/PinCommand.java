package dev.slipway.cli;

import dev.slipway.cli.args.CommandSpec;
import dev.slipway.cli.args.Option;
import dev.slipway.cli.args.Positional;
import dev.slipway.model.Release;
import dev.slipway.release.Releases;

/** `pin vN`: pin the App to vN (App.spec.release), the sticky, declarative hold; newer releases wait until the pin moves. */
final class PinCommand extends SlipwayCommand {
    private String release;
    private boolean force;

    @Override
    boolean waits() {
        return true;
    }

    @Override
    CommandSpec describe() {
        return new CommandSpec("pin", "Pin the App to a release (App.spec.release) and follow its rollout; newer releases wait.")
            .positional(Positional.one("RELEASE", "v3, 3 or a Release name.", text -> release = ReleaseArgs.check(text)))
            .option(Option.named("--force").describe("Pin a release even when its rollout failed.").flag(on -> force = on));
    }

    @Override
    void run(Session session) {
        String app = options.requireApp();
        session.app(app);
        Release target = History.of(session, app).find(release);
        if (!Releases.isNumbered(target)) {
            throw new CliException(Exit.FAILED, "release " + target.getMetadata().getName()
                + " has no version yet (Pending: " + (target.getStatus() == null ? "not seen by the operator" : target.getStatus().getMessage())
                + "); pin it once it is numbered");
        }
        Preflight.pin(target, force);
        String label = Releases.label(target);
        Pins.set(session, app, label);
        if (options.noWait) {
            print(ReleaseDetails.of(target, false), () -> out().println("Pinning " + app + " to " + label + " ... pinned (not waiting)"));
            return;
        }
        Rollouts.Outcome outcome = progress("Pinning " + app + " to " + label)
            .run(p -> Rollouts.untilActive(session, app, target.getMetadata().getName(), options.timeout, p::observe), o -> "done, " + label + " runs and the App is pinned to it (kubectl slipway unpin -a " + app + " removes the pin)");
        if (!table()) {
            Printer.print(out(), options.output, ReleaseDetails.of(outcome.release(), false));
        }
    }
}

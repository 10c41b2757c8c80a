package dev.slipway.cli;

import dev.slipway.cli.args.CommandSpec;
import dev.slipway.cli.args.Option;
import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleaseSpec;
import dev.slipway.release.Releases;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * `releases create-from`: a release with the build of one release and the config of another, like Convox's
 * create-from. Without --promote it is staged (spec.promote: false): numbered, never run until promoted. With
 * --promote it runs, and on a pinned App the pin moves to it.
 */
final class CreateFromCommand extends SlipwayCommand {
    /** The release to take the build from; null for the active one. */
    private String buildFrom;
    /** The release to take the config from; null for the active one. */
    private String envFrom;
    private boolean promote;

    /** The --use-active-release-* flags only state the default, so they bind nothing; each excludes its --*-from. */
    @Override
    boolean waits() {
        return true;
    }

    @Override
    CommandSpec describe() {
        return new CommandSpec("create-from", "Create a release from the build of one release and the config of another.")
            .option(Option.named("--build-from").label("RELEASE").describe("Take image and source from this release.")
                .to(text -> buildFrom = ReleaseArgs.check(text)))
            .option(Option.named("--use-active-release-build").describe("Take image and source from the active release (default).")
                .flag(on -> { }))
            .option(Option.named("--env-from").label("RELEASE").describe("Take config and envFrom from this release.")
                .to(text -> envFrom = ReleaseArgs.check(text)))
            .option(Option.named("--use-active-release-env").describe("Take config and envFrom from the active release (default).")
                .flag(on -> { }))
            .option(Option.named("--promote").describe("Run the new release (moving the pin of a pinned App); without it the release is staged.")
                .flag(on -> promote = on))
            .exclusive("--build-from", "--use-active-release-build")
            .exclusive("--env-from", "--use-active-release-env");
    }

    @Override
    void run(Session session) {
        String app = options.requireApp();
        App current = session.app(app);
        History history = History.of(session, app);
        Release build = source(current, history, buildFrom);
        Release env = source(current, history, envFrom);
        String doing = "Creating a release of " + app + " from the build of " + Releases.label(build)
            + " and the config of " + Releases.label(env);
        Release created = session.client().resource(release(app, session, build, env)).create();
        String name = created.getMetadata().getName();
        boolean movePin = promote && current.getSpec().getRelease() != null;
        if (options.noWait && !movePin) {
            print(ReleaseDetails.of(created, false), () -> out().println(doing + " ... created release " + name
                + (promote ? "" : ", staged") + " (not waiting)"));
            return;
        }
        if (!promote) {
            Release staged = progress(doing).run(p -> Poll.until(options.timeout, () -> Rollouts.numbered(session, name),
                () -> "for the operator to number " + name), r -> "done, " + Releases.label(r) + " is staged (kubectl slipway promote "
                + Releases.label(r) + " runs it)");
            if (!table()) {
                Printer.print(out(), options.output, ReleaseDetails.of(staged, false));
            }
            return;
        }
        Rollouts.Outcome outcome = progress(doing).run(p -> {
            if (movePin) {
                Release numbered = Poll.until(options.timeout, () -> Rollouts.numbered(session, name), () -> "for the operator to number " + name);
                Pins.set(session, app, Releases.label(numbered));
                if (options.noWait) {
                    return new Rollouts.Outcome(numbered, null);
                }
            }
            return Rollouts.follow(session, app, name, options.timeout, p::observe);
        }, Rollouts.Outcome::describe);
        if (!table()) {
            Printer.print(out(), options.output, ReleaseDetails.of(outcome.release(), false));
        }
    }

    /** The named release, or the active one when none is named. */
    private static Release source(App app, History history, String ref) {
        if (ref != null) {
            Release release = history.find(ref);
            if (!Releases.isNumbered(release)) {
                throw new CliException(Exit.FAILED, "release " + ref + " has no version yet; wait until the operator numbers it");
            }
            return release;
        }
        var active = app.getStatus() == null ? null : app.getStatus().getActiveRelease();
        if (active == null) {
            throw new CliException(Exit.NOT_FOUND, "App " + app.getMetadata().getName()
                + " has no active release; name one with --build-from/--env-from");
        }
        return history.find(active.getName());
    }

    private Release release(String app, Session session, Release buildFrom, Release envFrom) {
        Release release = session.newRelease(app);
        ReleaseSpec spec = release.getSpec();
        spec.setImage(buildFrom.getSpec().getImage());
        // The client's serialization, not a static one: every command object is made on every run.
        spec.setSource(buildFrom.getSpec().getSource() == null ? null
            : session.client().getKubernetesSerialization().clone(buildFrom.getSpec().getSource()));
        // Explicit, even when empty: an absent config would be inherited from whatever runs now instead.
        spec.setConfig(new LinkedHashMap<>(envFrom.getSpec().getConfig() == null ? Map.of() : envFrom.getSpec().getConfig()));
        spec.setEnvFrom(envFrom.getSpec().getEnvFrom() == null ? List.of() : new ArrayList<>(envFrom.getSpec().getEnvFrom()));
        spec.setDescription("Build of " + Releases.label(buildFrom) + ", config of " + Releases.label(envFrom));
        spec.setPromote(promote ? null : Boolean.FALSE);
        return release;
    }
}

package dev.slipway.cli;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleaseSpec;
import dev.slipway.release.Releases;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `releases create-from`: a release with the build of one release and the config of another, like Convox's
 * create-from. Without a pin the newest release runs anyway; with one, --promote moves the pin to it.
 */
@Command(name = "create-from", description = "Create a release from the build of one release and the config of another.")
final class CreateFromCommand extends SlipwayCommand {
    static final class BuildSource {
        @Option(names = "--build-from", paramLabel = "RELEASE", description = "Take image and source from this release.")
        String release;
        @Option(names = "--use-active-release-build", description = "Take image and source from the active release (default).")
        boolean active;
    }

    static final class EnvSource {
        @Option(names = "--env-from", paramLabel = "RELEASE", description = "Take config and envFrom from this release.")
        String release;
        @Option(names = "--use-active-release-env", description = "Take config and envFrom from the active release (default).")
        boolean active;
    }

    @ArgGroup(exclusive = true)
    BuildSource build = new BuildSource();

    @ArgGroup(exclusive = true)
    EnvSource env = new EnvSource();

    @Option(names = "--promote", description = "Pin the App to the new release when the App is pinned (it runs anyway when not).")
    boolean promote;

    @Override
    void run(Session session) {
        String app = options.requireApp();
        App current = session.app(app);
        History history = History.of(session, app);
        Release buildFrom = source(current, history, build.release);
        Release envFrom = source(current, history, env.release);
        String doing = "Creating a release of " + app + " from the build of " + Releases.label(buildFrom)
            + " and the config of " + Releases.label(envFrom);
        Release created = session.client().resource(release(app, session, buildFrom, envFrom)).create();
        String name = created.getMetadata().getName();
        boolean movePin = promote && current.getSpec().getRelease() != null;
        if (options.noWait && !movePin) {
            print(ReleaseDetails.of(created, false), () -> out().println(doing + " ... created release " + name + " (not waiting)"));
            return;
        }
        Rollouts.Outcome outcome = progress(doing).run(() -> {
            if (movePin) {
                Release numbered = Poll.until(options.timeout, () -> numbered(session, name), () -> "for the operator to number " + name);
                Pins.set(session, app, Releases.label(numbered));
                if (options.noWait) {
                    return new Rollouts.Outcome(numbered, null);
                }
            }
            return Rollouts.follow(session, app, name, options.timeout);
        }, Rollouts.Outcome::describe);
        if (!table()) {
            Printer.print(out(), options.output, ReleaseDetails.of(outcome.release(), false));
        }
    }

    private static Optional<Release> numbered(Session session, String name) {
        Release release = session.client().resources(Release.class).inNamespace(session.namespace()).withName(name).get();
        return Optional.ofNullable(release).filter(Releases::isNumbered);
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

    private static Release release(String app, Session session, Release buildFrom, Release envFrom) {
        Release release = session.newRelease(app);
        ReleaseSpec spec = release.getSpec();
        spec.setImage(buildFrom.getSpec().getImage());
        // The client's serialization, not a static one: picocli makes every command object on every run.
        spec.setSource(buildFrom.getSpec().getSource() == null ? null
            : session.client().getKubernetesSerialization().clone(buildFrom.getSpec().getSource()));
        // Explicit, even when empty: an absent config would be inherited from whatever runs now instead.
        spec.setConfig(new LinkedHashMap<>(envFrom.getSpec().getConfig() == null ? Map.of() : envFrom.getSpec().getConfig()));
        spec.setEnvFrom(envFrom.getSpec().getEnvFrom() == null ? List.of() : new ArrayList<>(envFrom.getSpec().getEnvFrom()));
        spec.setDescription("Build of " + Releases.label(buildFrom) + ", config of " + Releases.label(envFrom));
        return release;
    }
}

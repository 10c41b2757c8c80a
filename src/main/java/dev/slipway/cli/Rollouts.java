package dev.slipway.cli;

import dev.slipway.model.App;
import dev.slipway.model.Cause;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.Slipway;
import dev.slipway.release.Releases;
import dev.slipway.release.VersionRef;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Follows a release until it runs, waits behind a pin, or fails; the shared end of deploy, rollback, config, promote and pin. */
final class Rollouts {
    private Rollouts() {
    }

    /** How following a release ended well: it runs, or it waits because the App is pinned elsewhere. */
    record Outcome(Release release, String pinnedTo) {
        String describe() {
            return pinnedTo == null ? "done, " + Releases.label(release)
                : "done, " + Releases.label(release) + " is waiting: the App is pinned to " + pinnedTo
                + " (kubectl slipway pin " + Releases.label(release) + " runs it)";
        }
    }

    /** The release once the operator has given it a version. */
    static Optional<Release> numbered(Session session, String name) {
        Release release = session.client().resources(Release.class).inNamespace(session.namespace()).withName(name).get();
        return Optional.ofNullable(release).filter(Releases::isNumbered);
    }

    /**
     * For a new release: done when it runs or ran (a newer one may already have replaced it), or waits behind a pin.
     *
     * @param observer told what each poll saw, for the progress line
     */
    static Outcome follow(Session session, String app, String releaseName, Duration timeout, Consumer<RolloutState> observer) {
        return follow(session, app, releaseName, timeout, false, observer);
    }

    /** For a release made to run again (pin, unpin): done only once it is Active, whatever it was before. */
    static Outcome untilActive(Session session, String app, String releaseName, Duration timeout, Consumer<RolloutState> observer) {
        return follow(session, app, releaseName, timeout, true, observer);
    }

    private static Outcome follow(Session session, String app, String releaseName, Duration timeout, boolean mustRun,
                                  Consumer<RolloutState> observer) {
        Release[] last = new Release[1];
        return Poll.until(timeout, () -> {
            Release release = session.client().resources(Release.class).inNamespace(session.namespace()).withName(releaseName).get();
            if (release == null) {
                throw new CliException(Exit.FAILED, "release " + releaseName + " was deleted while it rolled out");
            }
            last[0] = release;
            observer.accept(state(session, app, release));
            return outcome(session, app, release, mustRun);
        }, () -> "for " + describe(last[0], releaseName) + "; the rollout carries on in the cluster: kubectl slipway releases info "
            + (last[0] != null && Releases.isNumbered(last[0]) ? Releases.label(last[0]) : releaseName) + " -a " + app);
    }

    /**
     * The pod counts are the App's (the operator copies them from the Deployments), read only while the release
     * deploys: before, they are the counts of the release that runs; after, the command ends.
     */
    private static RolloutState state(Session session, String app, Release release) {
        ReleasePhase phase = Releases.phase(release) == null ? ReleasePhase.Pending : Releases.phase(release);
        String label = Releases.isNumbered(release) ? Releases.label(release) : release.getMetadata().getName();
        if (phase != ReleasePhase.Deploying) {
            return new RolloutState(label, phase, null);
        }
        App owner = session.app(app);
        return new RolloutState(label, phase, owner.getStatus() == null ? null : owner.getStatus().getProcesses());
    }

    private static Optional<Outcome> outcome(Session session, String app, Release release, boolean mustRun) {
        ReleasePhase phase = Releases.phase(release);
        if (phase == ReleasePhase.Active || (phase == ReleasePhase.Superseded && !mustRun)) {
            return Optional.of(new Outcome(release, null));
        }
        if (phase == ReleasePhase.Failed) {
            throw new CliException(Exit.FAILED, Releases.label(release) + " failed: " + Refusals.inPluginTerms(release.getStatus().getMessage(), app)
                + (mustRun ? whatRuns(session.app(app)) : autoRollback(session, app, release)), ReleaseDetails.of(release, false));
        }
        if (phase == ReleasePhase.Waiting) {
            String pin = session.app(app).getSpec().getRelease();
            if (pin != null && !names(VersionRef.parse(pin), release)) {
                return Optional.of(new Outcome(release, pin));
            }
        }
        return Optional.empty();
    }

    private static boolean names(VersionRef ref, Release release) {
        return ref.version() != null ? ref.version().equals(Releases.version(release)) : ref.name().equals(release.getMetadata().getName());
    }

    private static String autoRollback(Session session, String app, Release failed) {
        // An automatic rollback release made but not numbered yet has no version to name: say one follows.
        Optional<Release> made = session.releases(app).stream().filter(Releases::isNumbered).filter(r -> {
            Map<String, String> annotations = r.getMetadata().getAnnotations();
            return annotations != null && failed.getMetadata().getUid().equals(annotations.get(Slipway.ANNOTATION_FAILED_RELEASE_UID));
        }).findFirst();
        if (made.isPresent()) {
            return "; Slipway rolled back automatically as " + History.label(made.get());
        }
        App owner = session.app(app);
        var rollout = owner.getSpec().getRollout();
        boolean auto = rollout == null || rollout.getAutoRollback() == null || rollout.getAutoRollback();
        boolean pinned = owner.getSpec().getRelease() != null;
        return auto && !pinned && !invalid(failed) && Releases.cause(failed) != Cause.AutoRollback
            ? "; an automatic rollback follows (kubectl slipway releases -a " + app + ")" : whatRuns(owner);
    }

    /** An invalid release never ran, so nothing is rolled back for it. */
    private static boolean invalid(Release release) {
        return release.getStatus() != null && release.getStatus().getConditions().stream().anyMatch(c -> "Invalid".equals(c.getReason()));
    }

    /**
     * After a release that was meant to run failed, what the App runs and holds now, from its status: a success-shaped
     * word about an earlier rollback would hide that a pin still holds the failed release.
     */
    static String whatRuns(App app) {
        var active = app.getStatus() == null ? null : app.getStatus().getActiveRelease();
        String runs = active == null || active.getVersion() == null ? "nothing runs" : "v" + active.getVersion() + " runs";
        String pin = app.getSpec() == null ? null : app.getSpec().getRelease();
        if (pin == null) {
            return "; " + runs;
        }
        String name = app.getMetadata().getName();
        return "; " + runs + " and the App is pinned to " + VersionRef.parse(pin) + " (kubectl slipway pin vN -a " + name
            + " moves the pin, kubectl slipway unpin -a " + name + " removes it)";
    }

    private static String describe(Release release, String name) {
        if (release == null) {
            return name + " to roll out";
        }
        String phase = Releases.phase(release) == null ? "Pending" : Releases.phase(release).name();
        String message = release.getStatus() == null || release.getStatus().getMessage() == null ? "" : ": " + release.getStatus().getMessage();
        return (Releases.isNumbered(release) ? Releases.label(release) : name) + " to roll out (" + phase + message + ")";
    }
}

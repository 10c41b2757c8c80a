package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.Cause;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.Slipway;
import dev.slipway.release.LastGoodRelease;
import dev.slipway.release.NewReleases;
import dev.slipway.release.Releases;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When the release that should run failed to roll out, one release copying the last release that ran well before it.
 * Never retries the failed release, never loops: a failed automatic rollback stops here.
 */
final class AutoRollbacks {
    private AutoRollbacks() {
    }

    static boolean enabled(App app) {
        var rollout = app.getSpec() == null ? null : app.getSpec().getRollout();
        return rollout == null || rollout.getAutoRollback() == null || rollout.getAutoRollback();
    }

    /**
     * @param failed the release that should run, when its rollout failed; otherwise nothing happens
     * @param pinned whether the App pins a release (a person chose it: no automatic action)
     */
    static Optional<RequestedRelease> release(App app, Release failed, boolean pinned, History history, Claims claims) {
        if (failed == null || Releases.phase(failed) != ReleasePhase.Failed || !enabled(app) || pinned
            || Releases.cause(failed) == Cause.AutoRollback) {
            return Optional.empty();
        }
        Map<String, String> marks = Map.of(Slipway.ANNOTATION_FAILED_RELEASE_UID, failed.getMetadata().getUid());
        Optional<Release> made = history.all().stream().filter(RequestedRelease.annotated(marks)).findFirst();
        if (made.isPresent()) {
            return Optional.of(RequestedRelease.existing(made.get(), null));
        }
        Optional<Release> good = LastGoodRelease.before(history.numbered(), Releases.version(failed));
        if (good.isEmpty()) {
            return Optional.empty();
        }
        String description = "Rollback to " + Releases.label(good.get()) + " (" + Releases.label(failed)
            + " failed: rollout exceeded its progress deadline)";
        Map<String, String> annotations = Map.of(Slipway.ANNOTATION_FAILED_RELEASE_UID, failed.getMetadata().getUid(),
            Slipway.ANNOTATION_CREATED_BY, Slipway.AUTO_ROLLBACK_BY);
        Release release = claims.forRequest(Slipway.ANNOTATION_FAILED_RELEASE_UID, failed.getMetadata().getUid(),
            version -> NewReleases.rollbackTo(app, version, good.get(), Cause.AutoRollback, description, annotations));
        long version = claims.versionOf(release);
        return Optional.of(RequestedRelease.toCreate(release, Slipway.ANNOTATION_FAILED_RELEASE_UID, failed.getMetadata().getUid(),
            version, null, List.of(
                Notice.warn(AutoRollbacks.class, "App " + app.getMetadata().getNamespace() + "/" + app.getMetadata().getName() + ": "
                    + Releases.label(failed) + " failed to roll out; rolling back to " + Releases.label(good.get()) + " as v" + version),
                Notice.warning(app, "AutoRollback", description + " as v" + version),
                new Notice.RolledBack(true))));
    }
}

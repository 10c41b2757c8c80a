package dev.slipway.reconcile;

import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.release.Releases;
import dev.slipway.release.Selection;
import dev.slipway.validation.ReleaseValidator;
import java.util.List;

/**
 * The release whose build a config change copies: the release that runs in the sense of "which release runs",
 * so that a config change never undoes a deploy. Without a pin that is the newest release, including a valid
 * one still waiting for its version (a deploy and a config change applied together, as a GitOps sync does,
 * must both take effect), and a release still rolling out; with a pin, the pinned release. A release whose
 * rollout failed is not copied, nor is a staged release (it does not run); a: a config change must not retry a failed build, so the active release is.
 */
final class ConfigBase {
    private ConfigBase() {
    }

    /**
     * @param before     which release runs, before this reconcile makes or numbers anything
     * @param active     the release whose rollout completed last (App.status.activeRelease), or null
     * @param unnumbered releases waiting for a version, in creation order; they are numbered before the config release
     */
    static Release of(Selection before, Release active, List<Release> unnumbered) {
        if (!before.pinned()) {
            Release pending = null;
            for (Release release : unnumbered) {
                if (ReleaseValidator.problems(release).isEmpty() && !Releases.staged(release)) {
                    pending = release;
                }
            }
            if (pending != null) {
                return pending;
            }
        }
        Release target = before.target();
        if (target != null && Releases.phase(target) != ReleasePhase.Failed) {
            return target;
        }
        return active != null ? active : target;
    }
}

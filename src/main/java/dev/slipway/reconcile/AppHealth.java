package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.Cause;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.ReleaseRef;
import dev.slipway.release.Releases;
import dev.slipway.release.Selection;
import dev.slipway.status.Health;
import java.util.List;

/** The App's kstatus health from what this reconcile found, first match wins. */
final class AppHealth {
    private AppHealth() {
    }

    /**
     * @param problems   problems of the App spec
     * @param conflicts  objects in the way of the App's workloads
     * @param target     the target release as stored after this reconcile, or null
     * @param numbered   all numbered releases
     * @param active     the active release reference, or null
     */
    static Health of(App app, List<String> problems, List<String> conflicts, Selection selection, Release target,
                     List<Release> numbered, ReleaseRef active) {
        if (!problems.isEmpty()) {
            return Health.stalled("InvalidSpec", "The App spec is invalid, its workloads are left as they are: "
                + String.join("; ", problems));
        }
        if (selection.problem() != null) {
            return Health.stalled("PinNotRunnable", selection.problem());
        }
        if (!conflicts.isEmpty()) {
            return Health.stalled("WorkloadConflict", String.join("; ", conflicts));
        }
        if (target == null) {
            if (selection.activeDeleted() && active != null) {
                return Health.ready("ActiveReleaseDeleted", "Release " + active.getName() + " (v" + active.getVersion()
                    + ") was deleted; the workload keeps running it. Deploy a new release or roll back to replace it");
            }
            if (numbered.isEmpty()) {
                return Health.idle("NoRelease", "No release yet: create a Release with spec.app: " + app.getMetadata().getName());
            }
            return Health.stalled("NoValidRelease", "Every release of this App is invalid; create a valid Release");
        }
        String label = Releases.label(target);
        ReleasePhase phase = Releases.phase(target);
        if (phase == ReleasePhase.Failed) {
            return Health.stalled("ReleaseFailed", label + " failed: " + target.getStatus().getMessage() + "; " + nextStep(app, target, selection));
        }
        if (phase == ReleasePhase.Active) {
            return Health.ready("Active", label + " is active");
        }
        return Health.inProgress("Deploying", target.getStatus().getMessage());
    }

    /** What a person can do about a failed release, given why no automatic rollback happened. */
    private static String nextStep(App app, Release failed, Selection selection) {
        if (Releases.cause(failed) == Cause.AutoRollback) {
            return "it was an automatic rollback, so no further automatic action is taken: deploy a fix or roll back by hand";
        }
        if (selection.pinned()) {
            return "the App is pinned to it by spec.release, so it is not rolled back automatically: change the pin";
        }
        if (!AutoRollbacks.enabled(app)) {
            return "spec.rollout.autoRollback is off: deploy a fix or create a Rollback";
        }
        return "no earlier release ran successfully, so there is nothing to roll back to: deploy a fix";
    }
}

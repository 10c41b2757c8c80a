package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.EnvSnapshot;
import dev.slipway.model.Release;
import dev.slipway.release.EnvSource;
import java.util.List;
import java.util.Map;

/**
 * Between the claim and the deploy phase of an App pass: the env snapshots of the releases about to be numbered.
 * Applied before their numbering write, which records the snapshots in the release, and so before any Deployment points
 * at them (docs/design-decisions.md, "Env snapshots"). For each release: every source is read first, and a missing one
 * that is not optional makes the release invalid with nothing created; then each snapshot is created, owned by the
 * release, or, when the same content was copied before, the release is added to its owners.
 *
 * @param takes  releases whose sources are copied now
 * @param shares releases that carry snapshots already (a rollback's copy of its target's): they become owners too
 */
record SnapshotPlan(App app, List<Take> takes, List<Share> shares) {

    /** @param release as stored: the owner of its snapshots */
    record Take(Release release, List<EnvSource> sources) {
    }

    record Share(Release release, List<EnvSnapshot> snapshots) {
    }

    boolean isEmpty() {
        return takes.isEmpty() && shares.isEmpty();
    }

    /**
     * What applying the plan came to.
     *
     * @param made     the snapshots each release copied, by release name
     * @param problems why a release cannot run, by release name: a source or snapshot is missing
     */
    record Outcome(Map<String, List<EnvSnapshot>> made, Map<String, String> problems) {
        static final Outcome NONE = new Outcome(Map.of(), Map.of());

        /** {@code numbered} with the snapshots it copied recorded in the spec its numbering write stores. */
        Numbering.Numbered applied(Numbering.Numbered numbered) {
            List<EnvSnapshot> snapshots = made.get(numbered.release().getMetadata().getName());
            if (snapshots == null) {
                return numbered;
            }
            Release filled = Snapshots.copy(numbered.filled());
            filled.getSpec().setEnvSnapshots(snapshots);
            return new Numbering.Numbered(numbered.release(), filled, numbered.version());
        }
    }
}

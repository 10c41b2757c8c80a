package dev.slipway.reconcile;

import dev.slipway.model.Release;
import dev.slipway.release.EnvSource;
import dev.slipway.validation.ReleaseValidator;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans the env snapshots of an App pass ({@link SnapshotPlan}) from the claim phase and what applying it stored: the
 * releases about to be numbered, with the envFrom they inherit. Writes nothing.
 */
final class SnapshotPlanner {
    private SnapshotPlanner() {
    }

    static SnapshotPlan plan(ClaimPlan claim, ClaimPlan.Outcome claimed, EnvView env) {
        List<SnapshotPlan.Take> takes = new ArrayList<>();
        List<SnapshotPlan.Share> shares = new ArrayList<>();
        for (Numbering.Numbered numbered : DeployPlanner.numbering(claim, claimed)) {
            Release filled = numbered.filled();
            if (filled.getSpec().getEnvSnapshots() != null) {
                // Whether or not the App opts in now: the snapshots it runs on must outlive the release it copied.
                shares.add(new SnapshotPlan.Share(numbered.release(), filled.getSpec().getEnvSnapshots()));
                continue;
            }
            List<EnvSource> sources = EnvSource.of(filled.getSpec().getEnvFrom());
            // An invalid release never runs: nothing to copy for it.
            if (env.optedIn() && !sources.isEmpty() && ReleaseValidator.problems(filled).isEmpty()) {
                takes.add(new SnapshotPlan.Take(numbered.release(), sources));
            }
        }
        return new SnapshotPlan(claim.view().app(), takes, shares);
    }
}

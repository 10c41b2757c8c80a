package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.release.Releases;
import dev.slipway.release.Selection;
import dev.slipway.release.TargetSelection;
import dev.slipway.workload.WorkloadChanges;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans the second phase of an App pass ({@link DeployPlan}) from the first one and what applying it stored: the
 * requested release is known by the name it was created under (renamed when someone else's release had it). Writes
 * nothing.
 */
final class DeployPlanner {
    private DeployPlanner() {
    }

    static DeployPlan plan(ClaimPlan claim, ClaimPlan.Outcome claimed) {
        return plan(claim, claimed, SnapshotPlan.Outcome.NONE);
    }

    /** @param snapshotted the env snapshots the new releases copied, and those that cannot run for a missing source */
    static DeployPlan plan(ClaimPlan claim, ClaimPlan.Outcome claimed, SnapshotPlan.Outcome snapshotted) {
        AppView view = claim.view();
        App app = view.app();
        History history = history(claim, claimed);
        List<Numbering.Numbered> numbering = numbering(claim, claimed).stream().map(snapshotted::applied).toList();

        List<Release> fresh = numbering.stream().map(n -> Numbering.committing(n.filled(), n.version())).toList();
        List<Release> numbered = new ArrayList<>(history.numbered());
        numbered.addAll(fresh);
        numbered.sort(Releases.BY_VERSION);
        Map<String, String> invalid = new LinkedHashMap<>(history.invalid());
        invalid.putAll(InvalidReleases.of(fresh));
        invalid.putAll(snapshotted.problems());
        Selection selection = TargetSelection.select(app, numbered, invalid.keySet(), history.active());
        WorkloadChanges workloads = claim.problems().isEmpty() && selection.target() != null
            ? WorkloadChanges.of(app, selection.target(), view.owned()) : null;
        return new DeployPlan(claim, claimed, numbering, invalid, selection, workloads);
    }

    /** The releases this pass numbers, with their claimed versions and inherited fields, in creation order. */
    static List<Numbering.Numbered> numbering(ClaimPlan claim, ClaimPlan.Outcome claimed) {
        App app = claim.view().app();
        History history = history(claim, claimed);
        Release config = history.runningConfig();
        List<Numbering.Numbered> numbering = new ArrayList<>();
        for (Release release : history.unnumbered()) {
            numbering.add(Numbering.number(app, release, claim.versions().get(release.getMetadata().getName()), config));
        }
        // A release made now is numbered now; one an earlier pass made is among the others, numbered or waiting.
        claim.requests().release().filter(requested -> !requested.exists())
            .flatMap(requested -> claimed.made().filter(made -> !Releases.isNumbered(made))
                .map(made -> Numbering.number(app, made, requested.version(), config)))
            .ifPresent(numbering::add);
        return numbering;
    }

    /** The history as the claim phase left it: a release it marked (promoted in place) is seen as stored. */
    private static History history(ClaimPlan claim, ClaimPlan.Outcome claimed) {
        return claimed.made().map(claim.history()::withStored).orElse(claim.history());
    }
}

package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.ReleaseRef;
import dev.slipway.release.ReleasePlanner;
import dev.slipway.release.Releases;
import dev.slipway.release.Selection;
import dev.slipway.rollout.DeploymentRollout;
import dev.slipway.rollout.Rollout;
import dev.slipway.status.Health;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans the last phase of an App pass ({@link RecordPlan}) from the second one and what applying it stored: a new
 * release is committed at the generation its numbering write left, and its rollout is read from the Deployments as
 * written. Writes nothing.
 */
final class RecordPlanner {
    private RecordPlanner() {
    }

    static RecordPlan plan(DeployPlan deploy, DeployPlan.Outcome deployed) {
        ClaimPlan claim = deploy.claim();
        AppView view = claim.view();
        App app = view.app();
        List<Release> fresh = new ArrayList<>();
        for (int i = 0; i < deploy.numbering().size(); i++) {
            fresh.add(Numbering.committing(deployed.numbered().get(i), deploy.numbering().get(i).version()));
        }
        List<Release> numbered = new ArrayList<>(deploy.history().numbered());
        numbered.addAll(fresh);
        numbered.sort(Releases.BY_VERSION);
        long latestVersion = Math.max(claim.committed(), fresh.stream().mapToLong(Releases::version).max().orElse(0));

        Selection selection = deploy.selection();
        boolean deploys = deploy.workloads() != null;
        Map<String, Deployment> deployments = deploys ? deployed.workloads().deployments() : view.owned().deployments();
        Rollout rollout = deploys ? DeploymentRollout.of(deployments, Releases.version(selection.target())) : null;
        var planner = new ReleasePlanner(selection, rollout, deploy.invalid(), view.timestamp());
        Set<String> newlyNumbered = fresh.stream().map(r -> r.getMetadata().getName()).collect(Collectors.toSet());
        ReleaseStatuses.Plan statuses = new ReleaseStatuses(view.conditions()).plan(app, numbered, newlyNumbered, planner);
        List<Release> stored = statuses.after();
        Optional<RequestStatusChange<?>> requestDone = requestDone(claim, deploy.claimed(), stored);

        Release target = named(stored, selection.target() == null ? null : selection.target().getMetadata().getName());
        ReleaseRef active = claim.history().active();
        ReleaseRef nowActive = AppStatuses.activeRelease(active, stored);
        Release activeRelease = nowActive == null ? null : named(stored, nowActive.getName());
        Pruner.Plan pruned = claim.problems().isEmpty() ? Pruner.plan(app, stored, activeRelease, target) : Pruner.Plan.nothing(stored);

        List<String> conflicts = deploys ? deployed.workloads().conflicts() : List.of();
        Health health = AppHealth.of(app, claim.problems(), conflicts, selection, target, pruned.remaining(), nowActive);
        String appliedConfig = claim.problems().isEmpty() ? claim.digests().config()
            : app.getStatus() == null ? null : app.getStatus().getAppliedConfigDigest();
        String appliedProcesses = claim.problems().isEmpty() ? claim.digests().processes()
            : app.getStatus() == null ? null : app.getStatus().getAppliedProcessesDigest();
        Optional<AppStatuses.Change> appStatus = new AppStatuses(view.conditions()).change(app, health, latestVersion, nowActive,
            deployments, new AppStatuses.Applied(appliedConfig, appliedProcesses), activeRelease != null ? activeRelease : target,
            pruned.keptElsewhere());

        boolean requestFinished = requestDone.isPresent() || claim.requests().refusal().isPresent();
        boolean lookAgain = phasesChanged(numbered, stored) || (requestFinished && view.openRequests() > 1);
        return new RecordPlan(statuses.changes(), requestDone, pruned.prunes(),
            Optional.of(ReusedNames.recorded(deploy.claimed().ledger().ledger(), stored)), view.timestamp(), appStatus, lookAgain);
    }

    /**
     * Only the status of an App the pass cannot be carried out for (it cannot be read; the API server refuses a write):
     * it says why, and keeps what it said about versions and workloads.
     */
    static RecordPlan stalled(AppView view, Health health) {
        Optional<AppStatuses.Change> status = new AppStatuses(view.conditions()).stalled(view.app(), health, view.owned().deployments());
        return new RecordPlan(List.of(), Optional.empty(), List.of(), Optional.empty(), view.timestamp(), status, false);
    }

    /** The request (Rollback, Promotion) the requested release was made for, Succeeded once the release is numbered. */
    private static Optional<RequestStatusChange<?>> requestDone(ClaimPlan claim, ClaimPlan.Outcome claimed, List<Release> stored) {
        Optional<RequestedRelease> requested = claim.requests().release().filter(r -> r.done() != null);
        if (requested.isEmpty() || claimed.made().isEmpty()) {
            return Optional.empty();
        }
        Release numbered = named(stored, claimed.made().get().getMetadata().getName());
        return numbered == null || !Releases.isNumbered(numbered) ? Optional.empty()
            : Optional.of(requested.get().done().apply(numbered));
    }

    private static boolean phasesChanged(List<Release> before, List<Release> after) {
        Map<String, ReleasePhase> phases = before.stream().filter(r -> Releases.phase(r) != null)
            .collect(Collectors.toMap(r -> r.getMetadata().getName(), Releases::phase));
        return after.stream().anyMatch(r -> Releases.phase(r) != phases.get(r.getMetadata().getName()));
    }

    private static Release named(List<Release> releases, String name) {
        return name == null ? null : releases.stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst().orElse(null);
    }
}

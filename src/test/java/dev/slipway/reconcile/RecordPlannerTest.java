package dev.slipway.reconcile;

import static dev.slipway.reconcile.PassInputs.app;
import static dev.slipway.reconcile.PassInputs.ledgerOf;
import static dev.slipway.reconcile.PassInputs.numbered;
import static dev.slipway.reconcile.PassInputs.rollback;
import static dev.slipway.reconcile.PassInputs.rolledOut;
import static dev.slipway.reconcile.PassInputs.storedAsPlanned;
import static dev.slipway.reconcile.PassInputs.view;
import static dev.slipway.reconcile.PassInputs.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.RequestPhase;
import dev.slipway.model.RollbackStatus;
import dev.slipway.release.NameLedger;
import dev.slipway.workload.Workloads;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The last phase of an App pass, planned from what the workloads are: statuses, the Rollback done, prunes, the ledger. */
class RecordPlannerTest {
    private final Release v1 = numbered("shop-a", 1, ReleasePhase.Superseded);
    private final Release v2 = numbered("shop-b", 2, ReleasePhase.Active);

    /** The whole pass on plain objects, the API server answering as planned. */
    private static RecordPlan pass(AppView view) {
        ClaimPlan claim = ClaimPlanner.plan(view);
        DeployPlan deploy = DeployPlanner.plan(claim, storedAsPlanned(claim));
        return RecordPlanner.plan(deploy, storedAsPlanned(deploy));
    }

    @Test
    void aNewReleaseCommitsItsVersionAndDeploysWhileItsDeploymentRollsOut() {
        Release fresh = waiting("shop-c", "2026-11-30T11:00:00Z");
        RecordPlan plan = pass(view(app(v2), List.of(v1, v2, fresh), List.of(), ledgerOf(v1, v2), v2));

        assertThat(plan.releaseStatuses()).singleElement().satisfies(change -> {
            assertThat(change.release().getMetadata().getName()).isEqualTo("shop-c");
            assertThat(change.commitsVersion()).isTrue();
            assertThat(change.status().getVersion()).isEqualTo(3);
            assertThat(change.status().getNumberedGeneration()).as("the generation its numbering write left").isEqualTo(2);
            assertThat(change.status().getPhase()).isEqualTo(ReleasePhase.Deploying);
            assertThat(change.notices()).contains(Notice.info(ReleaseStatuses.class, "Numbered release shop/shop-c as v3 of app shop"),
                new Notice.ReleaseCreated(dev.slipway.model.Cause.Deploy), new Notice.RolloutStarted("uid-shop-c"));
        });
        assertThat(plan.appStatus()).hasValueSatisfying(status -> {
            assertThat(status.status().getLatestVersion()).isEqualTo(3);
            assertThat(status.status().getActiveRelease().getName()).as("until v3 rolled out").isEqualTo("shop-b");
        });
        assertThat(plan.lookAgain()).as("a phase changed").isTrue();
    }

    @Test
    void aFinishedRolloutActivatesTheReleaseSupersedesTheOneBeforeAndPrunesBeyondTheLimit() {
        Release v3 = numbered("shop-c", 3, ReleasePhase.Deploying);
        App app = app(v2);
        app.getSpec().setHistoryLimit(1);
        RecordPlan plan = pass(view(app, List.of(v1, v2, v3), List.of(), ledgerOf(v1, v2, v3), v3));

        assertThat(plan.releaseStatuses()).extracting(c -> c.release().getMetadata().getName() + " " + c.status().getPhase())
            .containsExactly("shop-b Superseded", "shop-c Active");
        assertThat(plan.prunes()).extracting(p -> p.release().getMetadata().getName()).containsExactly("shop-a");
        assertThat(plan.appStatus()).hasValueSatisfying(status -> assertThat(status.status().getActiveRelease().getName()).isEqualTo("shop-c"));

        NameLedger pruned = plan.ledgerAfter(List.of(v1)).orElseThrow();
        assertThat(pruned.departure(1)).hasValueSatisfying(d -> assertThat(d).startsWith("pruned (historyLimit)"));
        assertThat(plan.ledgerAfter(List.of()).orElseThrow().departure(1))
            .as("a delete that did not take effect was reported by the pass that made it").isEmpty();
    }

    @Test
    void aSettledAppWritesNothing() {
        App app = app(v2);
        app.getStatus().setConditions(null);
        RecordPlan first = pass(view(app, List.of(v1, v2), List.of(), ledgerOf(v1, v2), v2));
        app.setStatus(first.appStatus().orElseThrow().status());

        RecordPlan plan = pass(view(app, List.of(v1, v2), List.of(), ledgerOf(v1, v2), v2));

        assertThat(plan.releaseStatuses()).isEmpty();
        assertThat(plan.prunes()).isEmpty();
        assertThat(plan.appStatus()).isEmpty();
        assertThat(plan.ledgerAfter(List.of())).hasValue(ledgerOf(v1, v2));
        assertThat(plan.lookAgain()).isFalse();
    }

    @Test
    void theRollbackIsSucceededOnceItsReleaseIsNumberedAndTheNextOneIsLookedAtAtOnce() {
        App app = app(v2);
        var first = rollback("undo", "v1");
        var second = rollback("undo-again", "v2");
        RecordPlan plan = pass(view(app, List.of(v1, v2), List.of(first, second), ledgerOf(v1, v2), v2));

        assertThat(plan.requestDone()).hasValueSatisfying(done -> {
            assertThat(done.request()).isSameAs(first);
            assertThat(done.status().getPhase()).isEqualTo(RequestPhase.Succeeded);
            assertThat(done.status().getMessage()).isEqualTo("Rolled back to v1 as v3");
            assertThat(((RollbackStatus) done.status()).getFrom()).isEqualTo(2);
        });
        assertThat(plan.lookAgain()).isTrue();
    }

    @Test
    void aDeploymentSomeoneElseOwnsStallsTheApp() {
        Release fresh = waiting("shop-c", "2026-11-30T11:00:00Z");
        App app = app(v2);
        ClaimPlan claim = ClaimPlanner.plan(view(app, List.of(v1, v2, fresh), List.of(), ledgerOf(v1, v2), v2));
        DeployPlan deploy = DeployPlanner.plan(claim, storedAsPlanned(claim));
        String conflict = "Deployment shop-web already exists and is not managed by Slipway; delete or rename it";
        RecordPlan plan = RecordPlanner.plan(deploy, new DeployPlan.Outcome(storedAsPlanned(deploy).numbered(),
            new Workloads.Result(Map.of("web", rolledOut(app, v2)), List.of(conflict))));

        assertThat(plan.appStatus()).hasValueSatisfying(status -> assertThat(status.status().getConditions())
            .anySatisfy(c -> assertThat(c.getType() + "=" + c.getStatus() + " " + c.getReason() + ": " + c.getMessage())
                .isEqualTo("Stalled=True WorkloadConflict: " + conflict)));
        assertThat(plan.appStatus().orElseThrow().notices()).contains(Notice.warning(app, "WorkloadConflict", conflict));
    }
}

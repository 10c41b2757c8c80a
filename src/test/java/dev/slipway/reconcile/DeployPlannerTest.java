package dev.slipway.reconcile;

import static dev.slipway.reconcile.PassInputs.app;
import static dev.slipway.reconcile.PassInputs.ledgerOf;
import static dev.slipway.reconcile.PassInputs.numbered;
import static dev.slipway.reconcile.PassInputs.rollback;
import static dev.slipway.reconcile.PassInputs.storedAsPlanned;
import static dev.slipway.reconcile.PassInputs.view;
import static dev.slipway.reconcile.PassInputs.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.Slipway;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The second phase of an App pass, planned from the first and what it stored: numbering, which release runs, its workloads. */
class DeployPlannerTest {
    private final Release v1 = numbered("shop-a", 1, ReleasePhase.Active);
    private final App app = app(v1);

    @Test
    void aNewReleaseInheritsTheRunningConfigIsLabelledAndRuns() {
        Release fresh = waiting("shop-b", "2026-11-30T11:00:00Z");
        ClaimPlan claim = ClaimPlanner.plan(view(app, List.of(v1, fresh), List.of(), ledgerOf(v1), v1));
        DeployPlan plan = DeployPlanner.plan(claim, storedAsPlanned(claim));

        assertThat(plan.numbering()).singleElement().satisfies(numbering -> {
            assertThat(numbering.version()).isEqualTo(2);
            assertThat(numbering.needsWrite()).isTrue();
            assertThat(numbering.filled().getSpec().getConfig()).isEqualTo(v1.getSpec().getConfig());
            assertThat(numbering.filled().getMetadata().getLabels()).containsEntry(Slipway.LABEL_VERSION, "2");
        });
        assertThat(plan.selection().target().getMetadata().getName()).isEqualTo("shop-b");
        assertThat(plan.workloads().processes()).singleElement().satisfies(process -> {
            assertThat(process.deployment().creates()).isFalse();
            assertThat(process.deployment().write().getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example/shop:shop-b");
            assertThat(process.service().write()).as("the Service needs no change").isNull();
        });
    }

    @Test
    void aSettledAppChangesNothing() {
        ClaimPlan claim = ClaimPlanner.plan(view(app, List.of(v1), List.of(), ledgerOf(v1), v1));
        DeployPlan plan = DeployPlanner.plan(claim, storedAsPlanned(claim));

        assertThat(plan.numbering()).isEmpty();
        assertThat(plan.workloads().processes()).singleElement()
            .satisfies(process -> assertThat(process.deployment().write()).as("no drift").isNull());
    }

    @Test
    void theWorkloadsOfAnInvalidAppAreLeftAsTheyAre() {
        App invalid = app(v1);
        invalid.getSpec().setHistoryLimit(-1);
        Release fresh = waiting("shop-b", "2026-11-30T11:00:00Z");
        ClaimPlan claim = ClaimPlanner.plan(view(invalid, List.of(v1, fresh), List.of(), ledgerOf(v1), v1));
        DeployPlan plan = DeployPlanner.plan(claim, storedAsPlanned(claim));

        assertThat(plan.numbering()).as("still numbered").hasSize(1);
        assertThat(plan.workloads()).isNull();
    }

    @Test
    void theRequestedReleaseRunsUnderTheNameItWasCreatedUnder() {
        Release v2 = numbered("shop-b", 2, ReleasePhase.Active);
        App twice = app(v2);
        ClaimPlan claim = ClaimPlanner.plan(view(twice, List.of(v1, v2), List.of(rollback("undo", "v1")), ledgerOf(v1, v2), v2));
        // Someone else's release had the name shop-v3: the executor created ours under another, keeping version 3.
        Release renamed = PassInputs.created(claim.requests().release().orElseThrow().release());
        renamed.getMetadata().setName("shop-v3-1a2b3");
        DeployPlan plan = DeployPlanner.plan(claim, new ClaimPlan.Outcome(claim.view().ledger(), Optional.of(renamed)));

        assertThat(plan.numbering()).singleElement().satisfies(numbering -> {
            assertThat(numbering.release().getMetadata().getName()).isEqualTo("shop-v3-1a2b3");
            assertThat(numbering.version()).isEqualTo(3);
            assertThat(numbering.needsWrite()).as("made whole by the operator").isFalse();
        });
        assertThat(plan.selection().target().getMetadata().getName()).isEqualTo("shop-v3-1a2b3");
        assertThat(plan.workloads().processes().get(0).deployment().write().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
            .anySatisfy(env -> assertThat(Map.entry(env.getName(), env.getValue())).isEqualTo(Map.entry("SLIPWAY_RELEASE_NAME", "shop-v3-1a2b3")));
    }
}

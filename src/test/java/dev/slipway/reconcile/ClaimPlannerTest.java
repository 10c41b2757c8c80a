package dev.slipway.reconcile;

import static dev.slipway.reconcile.PassInputs.app;
import static dev.slipway.reconcile.PassInputs.ledgerOf;
import static dev.slipway.reconcile.PassInputs.numbered;
import static dev.slipway.reconcile.PassInputs.rollback;
import static dev.slipway.reconcile.PassInputs.view;
import static dev.slipway.reconcile.PassInputs.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.App;
import dev.slipway.model.Cause;
import dev.slipway.model.ReadProblem;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.RequestPhase;
import dev.slipway.model.Slipway;
import dev.slipway.release.Claim;
import dev.slipway.release.NameLedger;
import dev.slipway.release.ProcessChange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The first phase of an App pass, planned on plain objects: the versions it claims, the names it refuses, the release
 * it makes for a request. The reconcile-loop tests (NumberingTest, ReusedNameTest, RollbackTest, AutoRollbackTest,
 * ConfigChangeTest) show the same against an API server.
 */
class ClaimPlannerTest {
    private final Release v1 = numbered("shop-a", 1, ReleasePhase.Superseded);
    private final Release v2 = numbered("shop-b", 2, ReleasePhase.Active);
    private final App app = app(v2);

    @Test
    void aNewReleaseGetsTheNextVersionClaimedBeforeAnythingUsesIt() {
        Release fresh = waiting("shop-c", "2026-11-30T11:00:00Z");
        ClaimPlan plan = ClaimPlanner.plan(view(app, List.of(v1, v2, fresh), List.of(), ledgerOf(v1, v2), v2));

        assertThat(plan.versions()).containsExactly(Map.entry("shop-c", 3L));
        assertThat(plan.claimsToStore()).as("the fence, stored first").hasValueSatisfying(ledger -> {
            assertThat(ledger.versionOf("shop-c")).hasValue(3);
            assertThat(ledger.versionGiven(fresh)).hasValue(3);
        });
        assertThat(plan.requests()).isEqualTo(RequestDecision.NOTHING);
    }

    @Test
    void aReleaseTheLedgerGaveAVersionBeforeKeepsItAndNothingIsClaimedAgain() {
        Release fresh = waiting("shop-c", "2026-11-30T11:00:00Z");
        NameLedger claimed = ledgerOf(v1, v2).claimed(List.of(new Claim(3, "shop-c", Claim.ofUid("uid-shop-c"))), 2);
        ClaimPlan plan = ClaimPlanner.plan(view(app, List.of(v1, v2, fresh), List.of(), claimed, v2));

        assertThat(plan.versions()).containsExactly(Map.entry("shop-c", 3L));
        assertThat(plan.claimsToStore()).isEmpty();
    }

    @Test
    void releasesWaitingTogetherAreNumberedInCreationOrder() {
        Release later = waiting("shop-c", "2026-11-30T11:00:02Z");
        Release earlier = waiting("shop-d", "2026-11-30T11:00:01Z");
        ClaimPlan plan = ClaimPlanner.plan(view(app, List.of(v1, v2, later, earlier), List.of(), ledgerOf(v1, v2), v2));

        assertThat(plan.versions()).containsExactly(Map.entry("shop-d", 3L), Map.entry("shop-c", 4L));
    }

    @Test
    void aNameNumberedBeforeIsFailedAndNeverNumbered() {
        Release again = waiting("shop-a", "2026-11-30T11:00:00Z");
        NameLedger ledger = ledgerOf(v1, v2).departed(1, "2026-11-30T10:00:00Z", "pruned (historyLimit)");
        ClaimPlan plan = ClaimPlanner.plan(view(app, List.of(v2, again), List.of(), ledger, v2));

        assertThat(plan.versions()).isEmpty();
        assertThat(plan.reusedNames()).singleElement().satisfies(change -> {
            assertThat(change.status().getPhase()).isEqualTo(ReleasePhase.Failed);
            assertThat(change.status().getMessage()).startsWith("shop-a was v1 of App shop and was pruned (historyLimit) at");
            assertThat(change.notices()).contains(Notice.warning(again, ReusedNames.REASON, change.status().getMessage()));
        });
    }

    @Test
    void anUnreadableReleaseOfTheHistoryLeavesNothingToDecide() {
        Release broken = numbered("shop-c", 3, ReleasePhase.Active);
        broken.setUnreadable(new ReadProblem.Unreadable("spec.source: not an object", false));
        AppView view = view(app, List.of(v1, v2, broken), List.of(), ledgerOf(v1, v2), v2);

        assertThat(ClaimPlanner.undecidable(view)).hasValueSatisfying(health -> {
            assertThat(health.reason()).isEqualTo(UnreadableObjects.REASON);
            assertThat(health.message()).contains("Cannot read Release shop-c", "spec.source: not an object");
        });
    }

    @Test
    void aRollbackIsDecidedOnTheAppAsStoredOnlyWhileItWaitsForItsRelease() {
        var undo = rollback("undo", "v1");
        assertThat(ClaimPlanner.decidesRequest(view(app, List.of(v1, v2), List.of(), ledgerOf(v1, v2), v2))).isFalse();
        assertThat(ClaimPlanner.decidesRequest(view(app, List.of(v1, v2), List.of(undo), ledgerOf(v1, v2), v2))).isTrue();
        Release made = numbered("shop-v3", 3, ReleasePhase.Active);
        made.getMetadata().setAnnotations(Map.of(Slipway.ANNOTATION_ROLLBACK_UID, "uid-undo"));
        assertThat(ClaimPlanner.decidesRequest(view(app, List.of(v1, v2, made), List.of(undo), ledgerOf(v1, v2), v2))).isFalse();
    }

    @Test
    void aRollbackMakesTheNextReleaseAfterTheOnesWaitingAsACopyOfItsTarget() {
        Release fresh = waiting("shop-c", "2026-11-30T11:00:00Z");
        ClaimPlan plan = ClaimPlanner.plan(view(app, List.of(v1, v2, fresh), List.of(rollback("undo", "v1")), ledgerOf(v1, v2), v2));

        RequestedRelease made = plan.requests().release().orElseThrow();
        assertThat(made.exists()).isFalse();
        assertThat(made.version()).isEqualTo(4);
        assertThat(made.release().getMetadata().getName()).isEqualTo("shop-v4");
        assertThat(made.release().getSpec().getImage()).isEqualTo(v1.getSpec().getImage());
        assertThat(made.release().getSpec().getCause()).isEqualTo(Cause.Rollback);
        assertThat(made.release().getMetadata().getAnnotations()).containsEntry(Slipway.ANNOTATION_ROLLED_BACK_FROM, "2");
        assertThat(plan.claimsToStore()).as("both claims in one fence write").hasValueSatisfying(ledger -> {
            assertThat(ledger.versionOf("shop-c")).hasValue(3);
            assertThat(ledger.claimFor(Claim.ofRequest(Slipway.ANNOTATION_ROLLBACK_UID, "uid-undo")))
                .hasValueSatisfying(claim -> assertThat(claim.version()).isEqualTo(4));
        });
        assertThat(made.notices()).contains(new Notice.RolledBack(false));
    }

    @Test
    void aRollbackIsRefusedWhenTheAppAsStoredIsPinnedAndAConfigChangeStillMakesItsRelease() {
        App changed = app(v2);
        changed.getSpec().setConfig(Map.of("A", "2"));
        App pinned = app(v2);
        pinned.getSpec().setRelease("v2");
        AppView view = view(changed, List.of(v1, v2), List.of(rollback("undo", "v1")), ledgerOf(v1, v2), v2).withStored(pinned);

        ClaimPlan plan = ClaimPlanner.plan(view);

        assertThat(plan.requests().refusal()).hasValueSatisfying(refusal -> {
            assertThat(refusal.status().getPhase()).isEqualTo(RequestPhase.Failed);
            assertThat(refusal.status().getMessage()).isEqualTo("App is pinned to v2 by spec.release; change the pin");
        });
        assertThat(plan.requests().release()).hasValueSatisfying(made -> {
            assertThat(made.release().getSpec().getCause()).isEqualTo(Cause.Config);
            assertThat(made.release().getSpec().getConfig()).containsExactly(Map.entry("A", "2"));
            assertThat(made.version()).isEqualTo(3);
        });
        assertThat(plan.claimsToStore()).hasValueSatisfying(ledger -> assertThat(
            ledger.claimFor(Claim.ofRequest(Slipway.ANNOTATION_ROLLBACK_UID, "uid-undo"))).hasValueSatisfying(c -> assertThat(c.refused()).isTrue()));
    }

    @Test
    void aRollbackOfAnInvalidAppIsRefusedAndNothingIsMade() {
        App invalid = app(v2);
        invalid.getSpec().setHistoryLimit(-1);
        ClaimPlan plan = ClaimPlanner.plan(view(invalid, List.of(v1, v2), List.of(rollback("undo", "v1")), ledgerOf(v1, v2), v2));

        assertThat(plan.requests().refusal()).hasValueSatisfying(refusal -> assertThat(refusal.status().getMessage())
            .startsWith("the App spec is invalid; fix it first: spec.historyLimit is -1"));
        assertThat(plan.requests().release()).isEmpty();
    }

    @Test
    void aFailedRolloutIsRolledBackToTheLastReleaseThatRanUnlessTheAppIsPinned() {
        Release failed = numbered("shop-c", 3, ReleasePhase.Failed);
        ClaimPlan plan = ClaimPlanner.plan(view(app, List.of(v1, v2, failed), List.of(), ledgerOf(v1, v2, failed), v2));

        assertThat(plan.requests().release()).hasValueSatisfying(made -> {
            assertThat(made.release().getSpec().getCause()).isEqualTo(Cause.AutoRollback);
            assertThat(made.release().getSpec().getRollbackOf()).isEqualTo(2);
            assertThat(made.release().getSpec().getDescription()).isEqualTo("Rollback to v2 (v3 failed: rollout exceeded its progress deadline)");
        });

        App pinned = app(v2);
        pinned.getSpec().setRelease("v3");
        assertThat(ClaimPlanner.plan(view(pinned, List.of(v1, v2, failed), List.of(), ledgerOf(v1, v2, failed), v2))
            .requests().release()).isEmpty();
    }

    @Test
    void aConfigChangeCopiesTheBuildThatRunsAndIsMadeOnce() {
        App changed = app(v2);
        changed.getSpec().setConfig(Map.of("A", "2", "B", "1"));
        ClaimPlan plan = ClaimPlanner.plan(view(changed, List.of(v1, v2), List.of(), ledgerOf(v1, v2), v2));

        RequestedRelease made = plan.requests().release().orElseThrow();
        assertThat(made.release().getSpec().getImage()).isEqualTo(v2.getSpec().getImage());
        assertThat(made.release().getSpec().getDescription()).isEqualTo("Set A, B");

        Release madeBefore = PassInputs.created(made.release());
        assertThat(ClaimPlanner.plan(view(changed, List.of(v1, v2, madeBefore), List.of(), ledgerOf(v1, v2), v2))
            .requests().release()).as("made by an earlier pass").isEmpty();
    }

    @Test
    void aTemplateChangeMakesAProcessesReleaseOfTheRunningBuild() {
        App changed = app(v2);
        v2.getSpec().setProcesses(ProcessChange.templates(changed.getSpec().getProcesses()));
        changed.getStatus().setAppliedProcessesDigest(ConfigReleases.processesDigest(changed));
        changed.getSpec().getProcesses().get("web").setCommand(List.of("bin/server"));

        ClaimPlan plan = ClaimPlanner.plan(view(changed, List.of(v1, v2), List.of(), ledgerOf(v1, v2), v2));

        assertThat(plan.requests().release()).hasValueSatisfying(requested -> {
            Release made = requested.release();
            assertThat(made.getMetadata().getName()).isEqualTo("shop-v3");
            assertThat(made.getSpec().getCause()).isEqualTo(Cause.Processes);
            assertThat(made.getSpec().getDescription()).isEqualTo("Change web: command");
            assertThat(made.getSpec().getImage()).isEqualTo(v2.getSpec().getImage());
            assertThat(made.getSpec().getProcesses().get("web").getCommand()).containsExactly("bin/server");
            assertThat(made.getMetadata().getAnnotations()).containsKey(Slipway.ANNOTATION_PROCESSES_DIGEST)
                .doesNotContainKey(Slipway.ANNOTATION_CONFIG_DIGEST);
        });
    }

    @Test
    void aReplicasChangeMakesNoRelease() {
        App scaled = app(v2);
        scaled.getStatus().setAppliedProcessesDigest(ConfigReleases.processesDigest(scaled));
        scaled.getSpec().getProcesses().get("web").setReplicas(9);

        ClaimPlan plan = ClaimPlanner.plan(view(scaled, List.of(v1, v2), List.of(), ledgerOf(v1, v2), v2));

        assertThat(plan.requests()).isEqualTo(RequestDecision.NOTHING);
    }
}

package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.rollout.Rollout;
import dev.slipway.status.Health;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleasePlannerTest {
    private static final String NOW = "2024-05-01T12:00:00Z";
    private static final String EARLIER = "2024-04-01T08:00:00Z";

    private static Release release(String name, long version, ReleasePhase phase, String deployedAt) {
        Release release = TargetSelectionTest.release(name, version);
        release.getStatus().setPhase(phase);
        release.getStatus().setDeployedAt(deployedAt);
        return release;
    }

    private static final Release V2 = release("myapp-v2", 2, ReleasePhase.Deploying, null);

    private static ReleasePlanner planner(Release target, Rollout rollout) {
        return new ReleasePlanner(new Selection(target, null, false, false), rollout, Map.of(), NOW);
    }

    @Test
    void targetWithCompleteRolloutBecomesActiveNow() {
        ReleaseState state = planner(V2, Rollout.complete("done")).plan(V2);
        assertThat(state.phase()).isEqualTo(ReleasePhase.Active);
        assertThat(state.deployedAt()).isEqualTo(NOW);
        assertThat(state.health().shape()).isEqualTo(Health.Shape.READY);
    }

    @Test
    void activeTargetKeepsItsDeployedAt() {
        Release active = release("myapp-v2", 2, ReleasePhase.Active, EARLIER);
        assertThat(planner(active, Rollout.complete("done")).plan(active).deployedAt()).isEqualTo(EARLIER);
    }

    @Test
    void targetWithFailedRolloutFails() {
        ReleaseState state = planner(V2, Rollout.failed("web: deadline")).plan(V2);
        assertThat(state.phase()).isEqualTo(ReleasePhase.Failed);
        assertThat(state.message()).isEqualTo("Rollout of v2 failed: web: deadline");
        assertThat(state.health().shape()).isEqualTo(Health.Shape.STALLED);
    }

    @Test
    void targetWithRolloutInProgressIsDeploying() {
        ReleaseState state = planner(V2, Rollout.progressing("web: 1 of 2")).plan(V2);
        assertThat(state.phase()).isEqualTo(ReleasePhase.Deploying);
        assertThat(state.message()).isEqualTo("Rolling out v2: web: 1 of 2");
        assertThat(state.health().shape()).isEqualTo(Health.Shape.IN_PROGRESS);
    }

    @Test
    void targetWithoutRolloutKeepsItsPhase() {
        Release active = release("myapp-v2", 2, ReleasePhase.Active, EARLIER);
        active.getStatus().setMessage("Every process rolled out and available");
        ReleaseState state = planner(active, null).plan(active);
        assertThat(state.phase()).isEqualTo(ReleasePhase.Active);
        assertThat(state.deployedAt()).isEqualTo(EARLIER);
    }

    @Test
    void unnumberedPhaseTargetWithoutRolloutWaits() {
        Release pending = release("myapp-v2", 2, ReleasePhase.Pending, null);
        assertThat(planner(pending, null).plan(pending).phase()).isEqualTo(ReleasePhase.Waiting);
    }

    @Test
    void previousActiveStaysActiveWhileTheTargetRollsOut() {
        Release v1 = release("myapp-v1", 1, ReleasePhase.Active, EARLIER);
        ReleaseState state = planner(V2, Rollout.progressing("web")).plan(v1);
        assertThat(state.phase()).isEqualTo(ReleasePhase.Active);
        assertThat(state.deployedAt()).isEqualTo(EARLIER);
    }

    @Test
    void previousActiveStaysActiveWhenTheTargetFails() {
        Release v1 = release("myapp-v1", 1, ReleasePhase.Active, EARLIER);
        assertThat(planner(V2, Rollout.failed("web")).plan(v1).phase()).isEqualTo(ReleasePhase.Active);
    }

    @Test
    void previousActiveIsSupersededOnceTheTargetIsComplete() {
        Release v1 = release("myapp-v1", 1, ReleasePhase.Active, EARLIER);
        ReleaseState state = planner(V2, Rollout.complete("done")).plan(v1);
        assertThat(state.phase()).isEqualTo(ReleasePhase.Superseded);
        assertThat(state.message()).isEqualTo("Superseded by v2");
        assertThat(state.supersededAt()).isEqualTo(NOW);
        assertThat(state.deployedAt()).isEqualTo(EARLIER);
    }

    @Test
    void supersededReleaseKeepsItsTimestampAndMessage() {
        Release v1 = release("myapp-v1", 1, ReleasePhase.Superseded, EARLIER);
        v1.getStatus().setSupersededAt(EARLIER);
        v1.getStatus().setMessage("Superseded by v9");
        ReleaseState state = planner(V2, Rollout.complete("done")).plan(v1);
        assertThat(state.supersededAt()).isEqualTo(EARLIER);
        assertThat(state.message()).isEqualTo("Superseded by v9");
    }

    @Test
    void olderReleaseThatNeverRanIsSupersededOnceTheTargetIsActive() {
        Release v1 = release("myapp-v1", 1, ReleasePhase.Waiting, null);
        ReleaseState state = planner(V2, Rollout.complete("done")).plan(v1);
        assertThat(state.phase()).isEqualTo(ReleasePhase.Superseded);
        assertThat(state.message()).isEqualTo("Superseded by v2 before it was deployed");
    }

    @Test
    void olderReleaseThatNeverRanWaitsWhileTheTargetRollsOut() {
        Release v1 = release("myapp-v1", 1, ReleasePhase.Waiting, null);
        ReleaseState state = planner(V2, Rollout.progressing("web")).plan(v1);
        assertThat(state.phase()).isEqualTo(ReleasePhase.Waiting);
        assertThat(state.message()).isEqualTo("v2 is newer and runs instead");
        assertThat(state.health().shape()).isEqualTo(Health.Shape.IDLE);
    }

    @Test
    void newerReleaseWaitsWhenTheAppIsPinned() {
        Release v3 = release("myapp-v3", 3, ReleasePhase.Waiting, null);
        ReleasePlanner planner = new ReleasePlanner(new Selection(V2, null, false, true), Rollout.complete("done"), Map.of(), NOW);
        ReleaseState state = planner.plan(v3);
        assertThat(state.phase()).isEqualTo(ReleasePhase.Waiting);
        assertThat(state.message()).isEqualTo("App is pinned to v2 by spec.release; change the pin to run this release");
    }

    @Test
    void invalidReleaseFailsWithTheProblem() {
        ReleasePlanner planner = new ReleasePlanner(new Selection(V2, null, false, false), Rollout.complete("done"),
            Map.of("myapp-v3", "spec.image 'X' is not a valid image reference"), NOW);
        ReleaseState state = planner.plan(release("myapp-v3", 3, ReleasePhase.Waiting, null));
        assertThat(state.phase()).isEqualTo(ReleasePhase.Failed);
        assertThat(state.message()).isEqualTo("Invalid: spec.image 'X' is not a valid image reference");
        assertThat(state.health().reason()).isEqualTo("Invalid");
        assertThat(state.health().shape()).isEqualTo(Health.Shape.STALLED);
    }

    @Test
    void failedReleaseStaysFailedWithItsMessage() {
        Release v1 = release("myapp-v1", 1, ReleasePhase.Failed, null);
        v1.getStatus().setMessage("Rollout of v1 failed: web: deadline");
        ReleaseState state = planner(V2, Rollout.complete("done")).plan(v1);
        assertThat(state.phase()).isEqualTo(ReleasePhase.Failed);
        assertThat(state.message()).isEqualTo("Rollout of v1 failed: web: deadline");
    }

    @Test
    void withoutTargetTheActiveReleaseStaysActive() {
        Release v1 = release("myapp-v1", 1, ReleasePhase.Active, EARLIER);
        ReleasePlanner planner = new ReleasePlanner(new Selection(null, null, true, false), null, Map.of(), NOW);
        assertThat(planner.plan(v1).phase()).isEqualTo(ReleasePhase.Active);
    }
}

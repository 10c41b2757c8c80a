package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import java.util.List;
import org.junit.jupiter.api.Test;

class PruningTest {
    private static final String RAN = "2024-04-01T08:00:00Z";

    private static Release ran(long version) {
        return LastGoodReleaseTest.release(version, ReleasePhase.Superseded, RAN);
    }

    private static Release active(long version) {
        return LastGoodReleaseTest.release(version, ReleasePhase.Active, RAN);
    }

    private static Release release(long version, ReleasePhase phase) {
        return LastGoodReleaseTest.release(version, phase, null);
    }

    @Test
    void releasesAnotherToolKeepsAreReportedInsteadOfPruned() {
        Release v1 = ran(1);
        v1.getMetadata().setAnnotations(java.util.Map.of("argocd.argoproj.io/tracking-id", "shop:slipway.dev/Release:shop/shop-v1"));
        Release v2 = ran(2);
        Release v3 = ran(3);
        Release v4 = active(4);

        Pruning.Plan plan = Pruning.plan(List.of(v1, v2, v3, v4), v4, v4, 1);

        assertThat(plan.prune()).as("only what Slipway alone keeps").containsExactly(v2);
        assertThat(plan.keptElsewhere()).containsExactly(java.util.Map.entry(v1, "Argo CD"));
    }

    @Test
    void nothingWhenThereIsNoActiveRelease() {
        assertThat(Pruning.toPrune(List.of(ran(1), ran(2), ran(3)), null, null, 0)).isEmpty();
    }

    @Test
    void nothingWhenWithinTheLimit() {
        Release v3 = active(3);
        assertThat(Pruning.toPrune(List.of(ran(1), ran(2), v3), v3, v3, 2)).isEmpty();
    }

    @Test
    void deletesTheOldestFirstDownToTheLimit() {
        Release v1 = ran(1);
        Release v2 = ran(2);
        Release v3 = ran(3);
        Release v6 = active(6);
        List<Release> numbered = List.of(v1, v2, v3, ran(4), ran(5), v6);
        assertThat(Pruning.toPrune(numbered, v6, v6, 2)).containsExactly(v1, v2, v3);
    }

    @Test
    void oldestFirstRegardlessOfListOrder() {
        Release v1 = ran(1);
        Release v2 = ran(2);
        Release v4 = active(4);
        assertThat(Pruning.toPrune(List.of(v4, ran(3), v2, v1), v4, v4, 1)).containsExactly(v1, v2);
    }

    @Test
    void historyLimitZeroKeepsOnlyTheActiveAndItsLastGoodRelease() {
        Release v1 = ran(1);
        Release v2 = ran(2);
        Release v3 = ran(3);
        Release v4 = active(4);
        assertThat(Pruning.toPrune(List.of(v1, v2, v3, v4), v4, v4, 0)).containsExactly(v1, v2);
    }

    @Test
    void neverTheActiveRelease() {
        Release v1 = active(1);
        assertThat(Pruning.toPrune(List.of(v1), v1, null, 0)).isEmpty();
    }

    @Test
    void neverTheTarget() {
        Release v1 = release(1, ReleasePhase.Waiting);
        Release v2 = release(2, ReleasePhase.Waiting);
        Release v3 = ran(3);
        Release v4 = active(4);
        assertThat(Pruning.toPrune(List.of(v1, v2, v3, v4), v4, v1, 0)).containsExactly(v2);
    }

    @Test
    void neverAReleaseNewerThanTheActiveOne() {
        Release v1 = ran(1);
        Release v2 = ran(2);
        Release v3 = active(3);
        Release v4 = release(4, ReleasePhase.Waiting);
        Release v5 = release(5, ReleasePhase.Waiting);
        assertThat(Pruning.toPrune(List.of(v1, v2, v3, v4, v5), v3, v3, 0)).containsExactly(v1);
    }

    @Test
    void neverAReleaseThatIsDeploying() {
        Release v1 = release(1, ReleasePhase.Deploying);
        Release v2 = ran(2);
        Release v3 = active(3);
        assertThat(Pruning.toPrune(List.of(v1, v2, v3), v3, null, 0)).isEmpty();
    }

    @Test
    void neverTheLastGoodReleaseBeforeTheActiveOne() {
        Release v1 = ran(1);
        Release v2 = LastGoodReleaseTest.release(2, ReleasePhase.Failed, RAN);
        Release v3 = release(3, ReleasePhase.Waiting);
        Release v4 = active(4);
        assertThat(Pruning.toPrune(List.of(v1, v2, v3, v4), v4, v4, 0)).containsExactly(v2, v3);
    }

    @Test
    void newerReleasesCountTowardsTheLimit() {
        Release v1 = ran(1);
        Release v2 = ran(2);
        Release v3 = ran(3);
        Release v4 = active(4);
        Release v5 = release(5, ReleasePhase.Deploying);
        assertThat(Pruning.toPrune(List.of(v1, v2, v3, v4, v5), v4, v5, 2)).containsExactly(v1, v2);
    }
}

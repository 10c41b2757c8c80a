package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import java.util.List;
import org.junit.jupiter.api.Test;

class LastGoodReleaseTest {
    private static final String RAN = "2024-04-01T08:00:00Z";

    static Release release(long version, ReleasePhase phase, String deployedAt) {
        Release release = TargetSelectionTest.release("myapp-v" + version, version);
        release.getStatus().setPhase(phase);
        release.getStatus().setDeployedAt(deployedAt);
        return release;
    }

    @Test
    void picksTheNewestOlderReleaseThatRan() {
        Release v1 = release(1, ReleasePhase.Superseded, RAN);
        Release v2 = release(2, ReleasePhase.Superseded, RAN);
        Release v3 = release(3, ReleasePhase.Deploying, null);
        assertThat(LastGoodRelease.before(List.of(v1, v2, v3), 3)).containsSame(v2);
    }

    @Test
    void skipsReleasesThatNeverRan() {
        Release v1 = release(1, ReleasePhase.Superseded, RAN);
        Release v2 = release(2, ReleasePhase.Superseded, null);
        assertThat(LastGoodRelease.before(List.of(v1, v2), 3)).containsSame(v1);
    }

    @Test
    void skipsFailedReleasesEvenIfTheyOnceRan() {
        Release v1 = release(1, ReleasePhase.Superseded, RAN);
        Release v2 = release(2, ReleasePhase.Failed, RAN);
        assertThat(LastGoodRelease.before(List.of(v1, v2), 3)).containsSame(v1);
    }

    @Test
    void ignoresTheGivenVersionAndNewerOnes() {
        Release v1 = release(1, ReleasePhase.Superseded, RAN);
        Release v2 = release(2, ReleasePhase.Active, RAN);
        Release v3 = release(3, ReleasePhase.Superseded, RAN);
        assertThat(LastGoodRelease.before(List.of(v1, v2, v3), 2)).containsSame(v1);
    }

    @Test
    void doesNotDependOnListOrder() {
        Release v1 = release(1, ReleasePhase.Superseded, RAN);
        Release v2 = release(2, ReleasePhase.Superseded, RAN);
        assertThat(LastGoodRelease.before(List.of(v2, v1), 3)).containsSame(v2);
    }

    @Test
    void emptyWhenNoOlderReleaseRan() {
        Release v1 = release(1, ReleasePhase.Failed, RAN);
        Release v2 = release(2, ReleasePhase.Waiting, null);
        assertThat(LastGoodRelease.before(List.of(v1, v2), 3)).isEmpty();
    }
}

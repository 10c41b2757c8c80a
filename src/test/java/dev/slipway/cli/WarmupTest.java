package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import org.junit.jupiter.api.Test;

/** The warm-up swallows its failures, so this is what notices when its documents stop fitting the model. */
class WarmupTest {

    @Test
    void bindsAnAppAndAReleaseWithEveryPartACommandReads() throws Exception {
        var bound = new Warmup().warm();

        assertThat(bound).hasSize(2);
        App app = (App) bound.get(0);
        assertThat(app.getSpec().getProcesses()).containsKey("web");
        assertThat(app.getStatus().getActiveRelease().getName()).isEqualTo("warmup");
        assertThat(app.getStatus().getConditions()).hasSize(1);
        Release release = (Release) bound.get(1);
        assertThat(release.getSpec().getSource().getCommit()).isEqualTo("c");
        assertThat(release.getStatus().getPhase()).isEqualTo(ReleasePhase.Active);
        assertThat(release.getStatus().getConditions()).hasSize(1);
    }
}

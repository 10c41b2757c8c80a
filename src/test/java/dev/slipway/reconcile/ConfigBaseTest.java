package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.release;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.ReleaseStatus;
import dev.slipway.release.Selection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which build a config change copies; the scenarios in ConfigChangeTest show the same on a running cluster. */
class ConfigBaseTest {
    private final Release v1 = numbered("shop-a", 1, ReleasePhase.Active);
    private final Release pending = release("shop-c", "shop", "registry.example/shop/web:3");
    private final Release invalid = release("shop-d", "shop", "not a valid image reference");

    private static Release numbered(String name, long version, ReleasePhase phase) {
        Release release = release(name, "shop", "registry.example/shop/web:" + version);
        ReleaseStatus status = new ReleaseStatus();
        status.setVersion(version);
        status.setPhase(phase);
        release.setStatus(status);
        return release;
    }

    private static Selection runs(Release target, boolean pinned) {
        return new Selection(target, null, false, pinned);
    }

    @Test
    void theReleaseThatRunsOrRollsOut() {
        Release v2 = numbered("shop-b", 2, ReleasePhase.Deploying);
        assertThat(ConfigBase.of(runs(v2, false), v1, List.of())).isSameAs(v2);
        assertThat(ConfigBase.of(runs(v1, false), v1, List.of())).isSameAs(v1);
    }

    @Test
    void aValidReleaseWaitingForItsVersionIsTheNewestOne() {
        assertThat(ConfigBase.of(runs(v1, false), v1, List.of(pending, invalid))).isSameAs(pending);
    }

    @Test
    void notABuildThatFailedToRollOut() {
        Release failed = numbered("shop-b", 2, ReleasePhase.Failed);
        assertThat(ConfigBase.of(runs(failed, false), v1, List.of())).isSameAs(v1);
    }

    @Test
    void aPinnedAppKeepsThePinnedBuild() {
        assertThat(ConfigBase.of(runs(v1, true), v1, List.of(pending))).isSameAs(v1);
    }

    @Test
    void nothingBeforeTheFirstRelease() {
        assertThat(ConfigBase.of(runs(null, false), null, List.of())).isNull();
    }
}

package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.App;
import dev.slipway.model.AppSpec;
import dev.slipway.model.Release;
import dev.slipway.model.ReleaseRef;
import dev.slipway.model.ReleaseSpec;
import dev.slipway.model.ReleaseStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetSelectionTest {

    static Release release(String name, long version) {
        Release release = new Release();
        release.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("shop").build());
        ReleaseSpec spec = new ReleaseSpec();
        spec.setApp("myapp");
        spec.setImage("nginx");
        release.setSpec(spec);
        ReleaseStatus status = new ReleaseStatus();
        status.setVersion(version);
        release.setStatus(status);
        return release;
    }

    private static App app(String pin) {
        App app = new App();
        app.setMetadata(new ObjectMetaBuilder().withName("myapp").withNamespace("shop").build());
        AppSpec spec = new AppSpec();
        spec.setRelease(pin);
        app.setSpec(spec);
        return app;
    }

    private static final Release V1 = release("myapp-v1", 1);
    private static final Release V2 = release("myapp-6d58b1ce", 2);
    private static final Release V3 = release("myapp-v3", 3);
    private static final List<Release> ALL = List.of(V1, V2, V3);
    private static final ReleaseRef ACTIVE_V1 = new ReleaseRef("myapp-v1", 1L);

    @Test
    void pinWithVPrefixSelectsThatVersion() {
        Selection s = TargetSelection.select(app("v2"), ALL, Set.of(), ACTIVE_V1);
        assertThat(s.target()).isSameAs(V2);
        assertThat(s.pinned()).isTrue();
        assertThat(s.problem()).isNull();
    }

    @Test
    void pinWithBareNumberSelectsThatVersion() {
        assertThat(TargetSelection.select(app("2"), ALL, Set.of(), ACTIVE_V1).target()).isSameAs(V2);
    }

    @Test
    void pinByReleaseNameSelectsThatRelease() {
        assertThat(TargetSelection.select(app("myapp-6d58b1ce"), ALL, Set.of(), ACTIVE_V1).target()).isSameAs(V2);
    }

    @Test
    void unknownPinKeepsTheActiveReleaseAndReportsAProblem() {
        Selection s = TargetSelection.select(app("v9"), ALL, Set.of(), ACTIVE_V1);
        assertThat(s.target()).isSameAs(V1);
        assertThat(s.pinned()).isFalse();
        assertThat(s.problem()).contains("spec.release pins v9").contains("matches no release of App myapp");
    }

    @Test
    void pinToAnInvalidReleaseKeepsTheActiveReleaseAndReportsAProblem() {
        Selection s = TargetSelection.select(app("v2"), ALL, Set.of("myapp-6d58b1ce"), ACTIVE_V1);
        assertThat(s.target()).isSameAs(V1);
        assertThat(s.problem()).contains("v2").contains("invalid");
    }

    @Test
    void blankPinMeansNoPin() {
        Selection s = TargetSelection.select(app("  "), ALL, Set.of(), ACTIVE_V1);
        assertThat(s.target()).isSameAs(V3);
        assertThat(s.pinned()).isFalse();
    }

    @Test
    void withoutPinTheNewestReleaseWins() {
        Selection s = TargetSelection.select(app(null), List.of(V3, V1, V2), Set.of(), ACTIVE_V1);
        assertThat(s.target()).isSameAs(V3);
        assertThat(s.problem()).isNull();
        assertThat(s.activeDeleted()).isFalse();
    }

    @Test
    void newestInvalidReleaseIsSkipped() {
        assertThat(TargetSelection.select(app(null), ALL, Set.of("myapp-v3"), ACTIVE_V1).target()).isSameAs(V2);
    }

    @Test
    void noReleasesMeansNoTarget() {
        Selection s = TargetSelection.select(app(null), List.of(), Set.of(), null);
        assertThat(s.target()).isNull();
        assertThat(s.activeDeleted()).isFalse();
    }

    @Test
    void deletedActiveWithNothingNewerLeavesTheWorkloadsAlone() {
        Selection s = TargetSelection.select(app(null), List.of(V1, V2), Set.of(), new ReleaseRef("myapp-v3", 3L));
        assertThat(s.target()).isNull();
        assertThat(s.activeDeleted()).isTrue();
    }

    @Test
    void deletedActiveWithNoReleaseLeftLeavesTheWorkloadsAlone() {
        Selection s = TargetSelection.select(app(null), List.of(), Set.of(), new ReleaseRef("myapp-v3", 3L));
        assertThat(s.target()).isNull();
        assertThat(s.activeDeleted()).isTrue();
    }

    @Test
    void deletedActiveWithANewerReleaseRunsTheNewerOne() {
        Selection s = TargetSelection.select(app(null), List.of(V1, V3), Set.of(), new ReleaseRef("myapp-6d58b1ce", 2L));
        assertThat(s.target()).isSameAs(V3);
        assertThat(s.activeDeleted()).isFalse();
    }
}

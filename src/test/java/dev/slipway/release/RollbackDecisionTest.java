package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.App;
import dev.slipway.model.AppSpec;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.ReleaseRef;
import dev.slipway.model.Rollback;
import dev.slipway.model.RollbackSpec;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollbackDecisionTest {
    private static final String RAN = "2024-04-01T08:00:00Z";

    private static Release release(String name, long version, ReleasePhase phase) {
        Release release = TargetSelectionTest.release(name, version);
        release.getStatus().setPhase(phase);
        if (phase != ReleasePhase.Waiting) {
            release.getStatus().setDeployedAt(RAN);
        }
        if (phase == ReleasePhase.Failed) {
            release.getStatus().setMessage("web: deadline exceeded");
        }
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

    private static Rollback rollback(IntOrString to, Boolean force) {
        Rollback rollback = new Rollback();
        rollback.setMetadata(new ObjectMetaBuilder().withName("myapp-rollback-x").withNamespace("shop").build());
        RollbackSpec spec = new RollbackSpec();
        spec.setApp("myapp");
        spec.setTo(to);
        spec.setForce(force);
        rollback.setSpec(spec);
        return rollback;
    }

    private static final Release V1 = release("myapp-v1", 1, ReleasePhase.Superseded);
    private static final Release V2 = release("myapp-6d58b1ce", 2, ReleasePhase.Superseded);
    private static final Release V3 = release("myapp-v3", 3, ReleasePhase.Failed);
    private static final Release V4 = release("myapp-v4", 4, ReleasePhase.Active);
    private static final List<Release> ALL = List.of(V1, V2, V3, V4);
    private static final ReleaseRef ACTIVE_V4 = new ReleaseRef("myapp-v4", 4L);

    private static RollbackDecision decide(IntOrString to, Boolean force) {
        return RollbackDecision.decide(app(null), rollback(to, force), ALL, Map.of(), ACTIVE_V4);
    }

    @Test
    void pinnedAppIsRefusedWithTheWayOut() {
        RollbackDecision d = RollbackDecision.decide(app("12"), rollback(null, null), ALL, Map.of(), ACTIVE_V4);
        assertThat(d.refused()).isTrue();
        assertThat(d.target()).isNull();
        assertThat(d.refusal()).isEqualTo("App is pinned to v12 by spec.release; change the pin");
    }

    @Test
    void pinWithVPrefixIsNamedTheSameWay() {
        RollbackDecision d = RollbackDecision.decide(app("v12"), rollback(null, null), ALL, Map.of(), ACTIVE_V4);
        assertThat(d.refusal()).isEqualTo("App is pinned to v12 by spec.release; change the pin");
    }

    @Test
    void blankPinDoesNotRefuse() {
        RollbackDecision d = RollbackDecision.decide(app("  "), rollback(null, null), ALL, Map.of(), ACTIVE_V4);
        assertThat(d.refused()).isFalse();
    }

    @Test
    void noActiveReleaseIsRefused() {
        RollbackDecision d = RollbackDecision.decide(app(null), rollback(null, null), ALL, Map.of(), null);
        assertThat(d.refused()).isTrue();
        assertThat(d.refusal()).contains("myapp").contains("no active release");
    }

    @Test
    void defaultTargetIsTheNewestOlderReleaseThatDidNotFail() {
        RollbackDecision d = decide(null, null);
        assertThat(d.refused()).isFalse();
        assertThat(d.target()).isSameAs(V2);
    }

    @Test
    void defaultTargetSkipsInvalidReleases() {
        RollbackDecision d = RollbackDecision.decide(app(null), rollback(null, null), ALL,
            Map.of("myapp-6d58b1ce", "bad image reference"), ACTIVE_V4);
        assertThat(d.target()).isSameAs(V1);
    }

    @Test
    void defaultTargetIgnoresReleasesNewerThanTheCurrentOne() {
        Release v5 = release("myapp-v5", 5, ReleasePhase.Waiting);
        Release v3 = release("myapp-v3", 3, ReleasePhase.Superseded);
        RollbackDecision d = RollbackDecision.decide(app(null), rollback(null, null), List.of(V1, v3, v5),
            Map.of(), new ReleaseRef("myapp-v4", 4L));
        assertThat(d.target()).isSameAs(v3);
    }

    @Test
    void defaultTargetRefusedWhenEveryOlderReleaseFailed() {
        RollbackDecision d = RollbackDecision.decide(app(null), rollback(null, null), List.of(V3, V4), Map.of(), ACTIVE_V4);
        assertThat(d.refused()).isTrue();
        assertThat(d.refusal()).contains("no release before v4");
    }

    @Test
    void explicitTargetByNumber() {
        assertThat(decide(new IntOrString(1), null).target()).isSameAs(V1);
    }

    @Test
    void explicitTargetByVersionText() {
        assertThat(decide(new IntOrString("v1"), null).target()).isSameAs(V1);
    }

    @Test
    void explicitTargetByReleaseName() {
        assertThat(decide(new IntOrString("myapp-6d58b1ce"), null).target()).isSameAs(V2);
    }

    @Test
    void unknownTargetIsRefused() {
        RollbackDecision d = decide(new IntOrString("v99"), null);
        assertThat(d.refused()).isTrue();
        assertThat(d.refusal()).startsWith("spec.to v99 matches no release of App myapp");
    }

    @Test
    void invalidTargetIsRefusedEvenWithForce() {
        RollbackDecision d = RollbackDecision.decide(app(null), rollback(new IntOrString(2), true), ALL,
            Map.of("myapp-6d58b1ce", "bad image reference"), ACTIVE_V4);
        assertThat(d.refused()).isTrue();
        assertThat(d.refusal()).contains("v2").contains("invalid").contains("bad image reference");
    }

    @Test
    void failedTargetIsRefusedWithoutForce() {
        RollbackDecision d = decide(new IntOrString(3), null);
        assertThat(d.refused()).isTrue();
        assertThat(d.refusal()).contains("v3 failed").contains("set spec.force: true");
    }

    @Test
    void failedTargetIsRefusedWithForceFalse() {
        assertThat(decide(new IntOrString(3), false).refused()).isTrue();
    }

    @Test
    void failedTargetIsAllowedWithForce() {
        RollbackDecision d = decide(new IntOrString(3), true);
        assertThat(d.refused()).isFalse();
        assertThat(d.target()).isSameAs(V3);
    }

    @Test
    void targetEqualToTheCurrentReleaseIsRefused() {
        RollbackDecision d = decide(new IntOrString("v4"), null);
        assertThat(d.refused()).isTrue();
        assertThat(d.refusal()).isEqualTo("v4 is already the active release");
    }

    @Test
    void fromIsTheCurrentVersion() {
        RollbackDecision d = decide(new IntOrString(1), null);
        assertThat(d.from()).isEqualTo(4L);
        assertThat(d.refusal()).isNull();
    }

    @Test
    void refusalHasNoFrom() {
        assertThat(decide(new IntOrString("v99"), null).from()).isNull();
    }
}

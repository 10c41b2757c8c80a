package dev.slipway.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {
    private static final Conditions AT_NOON = at("2024-05-01T12:00:00.750Z");
    private static final Conditions AT_ONE = at("2024-05-01T13:00:00Z");

    private static Conditions at(String instant) {
        return new Conditions(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private static Condition get(List<Condition> conditions, String type) {
        return conditions.stream().filter(c -> c.getType().equals(type)).findFirst().orElseThrow();
    }

    @Test
    void alwaysWritesReadyReconcilingAndStalled() {
        assertThat(AT_NOON.of(Health.idle("Waiting", "w"), 1L, null)).extracting(Condition::getType)
            .containsExactly("Ready", "Reconciling", "Stalled");
    }

    @Test
    void readyHealthSetsOnlyReadyTrue() {
        assertThat(AT_NOON.of(Health.ready("Active", "ok"), 1L, null)).extracting(Condition::getStatus)
            .containsExactly("True", "False", "False");
    }

    @Test
    void inProgressHealthSetsOnlyReconcilingTrue() {
        assertThat(AT_NOON.of(Health.inProgress("Deploying", "…"), 1L, null)).extracting(Condition::getStatus)
            .containsExactly("False", "True", "False");
    }

    @Test
    void stalledHealthSetsOnlyStalledTrue() {
        assertThat(AT_NOON.of(Health.stalled("Invalid", "bad"), 1L, null)).extracting(Condition::getStatus)
            .containsExactly("False", "False", "True");
    }

    @Test
    void idleHealthSetsAllFalse() {
        assertThat(AT_NOON.of(Health.idle("Waiting", "w"), 1L, null)).extracting(Condition::getStatus)
            .containsOnly("False");
    }

    @Test
    void everyConditionCarriesReasonMessageAndObservedGeneration() {
        assertThat(AT_NOON.of(Health.stalled("Invalid", "bad image"), 7L, null)).allSatisfy(c -> {
            assertThat(c.getReason()).isEqualTo("Invalid");
            assertThat(c.getMessage()).isEqualTo("bad image");
            assertThat(c.getObservedGeneration()).isEqualTo(7L);
        });
    }

    @Test
    void newConditionsTransitionNowTruncatedToSeconds() {
        assertThat(AT_NOON.of(Health.ready("Active", "ok"), 1L, null)).extracting(Condition::getLastTransitionTime)
            .containsOnly("2024-05-01T12:00:00Z");
    }

    @Test
    void unchangedStatusKeepsItsLastTransitionTime() {
        List<Condition> before = AT_NOON.of(Health.ready("Active", "ok"), 1L, null);
        List<Condition> after = AT_ONE.of(Health.ready("Active", "still ok"), 2L, before);
        assertThat(after).extracting(Condition::getLastTransitionTime).containsOnly("2024-05-01T12:00:00Z");
    }

    @Test
    void changedStatusGetsANewLastTransitionTime() {
        List<Condition> before = AT_NOON.of(Health.inProgress("Deploying", "…"), 1L, null);
        List<Condition> after = AT_ONE.of(Health.ready("Active", "ok"), 1L, before);
        assertThat(get(after, "Ready").getLastTransitionTime()).isEqualTo("2024-05-01T13:00:00Z");
        assertThat(get(after, "Reconciling").getLastTransitionTime()).isEqualTo("2024-05-01T13:00:00Z");
        assertThat(get(after, "Stalled").getLastTransitionTime()).isEqualTo("2024-05-01T12:00:00Z");
    }

    @Test
    void isTrueFindsATrueCondition() {
        List<Condition> conditions = AT_NOON.of(Health.ready("Active", "ok"), 1L, null);
        assertThat(Conditions.isTrue(conditions, ConditionType.READY)).isTrue();
        assertThat(Conditions.isTrue(conditions, ConditionType.STALLED)).isFalse();
    }

    @Test
    void isTrueOfNoConditionsIsFalse() {
        assertThat(Conditions.isTrue(null, ConditionType.READY)).isFalse();
    }
}

package dev.slipway.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/** Turns a {@link Health} into the standard condition list, keeping lastTransitionTime of unchanged conditions. */
public final class Conditions {
    private final Clock clock;

    public Conditions(Clock clock) {
        this.clock = clock;
    }

    public List<Condition> of(Health health, Long generation, List<Condition> previous) {
        String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        boolean ready = health.shape() == Health.Shape.READY;
        boolean reconciling = health.shape() == Health.Shape.IN_PROGRESS;
        boolean stalled = health.shape() == Health.Shape.STALLED;
        return List.of(
            condition(ConditionType.READY, ready, health, generation, previous, now),
            condition(ConditionType.RECONCILING, reconciling, health, generation, previous, now),
            condition(ConditionType.STALLED, stalled, health, generation, previous, now));
    }

    /** A condition that is False says nothing of its own; it carries the reason of the one that holds. */
    private static Condition condition(String type, boolean status, Health health, Long generation,
                                       List<Condition> previous, String now) {
        return build(type, status, health.reason(), health.message(), generation, previous, now);
    }

    /** One condition outside the kstatus three, e.g. ConfigInSync. */
    public Condition of(String type, boolean status, String reason, String message, Long generation, List<Condition> previous) {
        return build(type, status, reason, message, generation, previous,
            Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private static Condition build(String type, boolean status, String reason, String message, Long generation,
                                   List<Condition> previous, String now) {
        String statusText = status ? "True" : "False";
        String transition = previous == null ? now : previous.stream()
            .filter(c -> type.equals(c.getType()) && statusText.equals(c.getStatus()))
            .map(Condition::getLastTransitionTime)
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(now);
        return new ConditionBuilder()
            .withType(type)
            .withStatus(statusText)
            .withReason(reason)
            .withMessage(message)
            .withObservedGeneration(generation)
            .withLastTransitionTime(transition)
            .build();
    }

    public static boolean isTrue(List<Condition> conditions, String type) {
        return conditions != null && conditions.stream()
            .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
    }
}

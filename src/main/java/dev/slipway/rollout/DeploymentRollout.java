package dev.slipway.rollout;

import dev.slipway.model.Slipway;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads rollout progress from Deployment status exactly as {@code kubectl rollout status} does, and
 * additionally checks that the Deployment runs the expected release version.
 */
public final class DeploymentRollout {
    static final String PROGRESS_DEADLINE_EXCEEDED = "ProgressDeadlineExceeded";

    private DeploymentRollout() {
    }

    /** Rollout of all processes: Failed if any failed, in progress if any is, complete when all are. */
    public static Rollout of(Map<String, Deployment> byProcess, long version) {
        List<String> progressing = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        byProcess.forEach((process, deployment) -> {
            Rollout rollout = of(process, deployment, version);
            if (rollout.isFailed()) {
                failed.add(rollout.message());
            } else if (!rollout.isComplete()) {
                progressing.add(rollout.message());
            }
        });
        if (!failed.isEmpty()) {
            return Rollout.failed(String.join("; ", failed));
        }
        if (!progressing.isEmpty()) {
            return Rollout.progressing(String.join("; ", progressing));
        }
        return Rollout.complete("all processes rolled out");
    }

    public static Rollout of(String process, Deployment deployment, long version) {
        if (deployment == null) {
            return Rollout.progressing(process + ": waiting for its Deployment to be created");
        }
        Map<String, String> templateLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        if (templateLabels == null || !String.valueOf(version).equals(templateLabels.get(Slipway.LABEL_VERSION))) {
            return Rollout.progressing(process + ": waiting for its Deployment to be updated to v" + version);
        }
        DeploymentStatus status = deployment.getStatus();
        Long generation = deployment.getMetadata().getGeneration();
        if (status == null || status.getObservedGeneration() == null
                || (generation != null && status.getObservedGeneration() < generation)) {
            return Rollout.progressing(process + ": waiting for the deployment spec update to be observed");
        }
        String podsRefused = podsRefused(status);
        DeploymentCondition progressingCondition = condition(status, "Progressing");
        if (progressingCondition != null && PROGRESS_DEADLINE_EXCEEDED.equals(progressingCondition.getReason())) {
            return Rollout.failed(process + ": Deployment " + deployment.getMetadata().getName()
                + " exceeded its progress deadline (" + deployment.getSpec().getProgressDeadlineSeconds() + "s)" + podsRefused);
        }
        // The API server defaults spec.replicas to 1; a server that did not must be read the same way.
        int desired = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
        int updated = Objects.requireNonNullElse(status.getUpdatedReplicas(), 0);
        int replicas = Objects.requireNonNullElse(status.getReplicas(), 0);
        int available = Objects.requireNonNullElse(status.getAvailableReplicas(), 0);
        if (updated < desired) {
            return Rollout.progressing(process + ": " + updated + " of " + desired + " new replicas have been updated" + podsRefused);
        }
        if (replicas > updated) {
            return Rollout.progressing(process + ": " + (replicas - updated) + " old replicas are pending termination" + podsRefused);
        }
        if (available < updated) {
            return Rollout.progressing(process + ": " + available + " of " + updated + " updated replicas are available" + podsRefused);
        }
        return Rollout.complete(process + ": rolled out");
    }

    /**
     * Why pods cannot be created, as the Deployment controller reports it (ReplicaFailure, e.g. FailedCreate: "pods … is
     * forbidden: exceeded quota: …"), or "" when nothing stops them: a rollout that cannot start says why, where
     * {@code kubectl rollout status} only waits, and the progress deadline later fails it with the same reason.
     */
    private static String podsRefused(DeploymentStatus status) {
        DeploymentCondition failure = condition(status, "ReplicaFailure");
        if (failure == null || !"True".equals(failure.getStatus())) {
            return "";
        }
        return "; pods cannot be created (" + (failure.getReason() == null ? "ReplicaFailure" : failure.getReason()) + ")"
            + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    private static DeploymentCondition condition(DeploymentStatus status, String type) {
        return status.getConditions() == null ? null : status.getConditions().stream()
            .filter(c -> type.equals(c.getType()))
            .findFirst()
            .orElse(null);
    }
}

package dev.slipway.workload;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Whether a Deployment differs from the desired one on the fields the operator owns, and the corrected object. */
public final class DeploymentDrift {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    /** Fields whose removal from the App must reach the Deployment; nothing else sets them on a template. */
    private static final OwnedFields FIELDS = new OwnedFields(Set.of(
        "command", "args", "env", "envFrom", "ports", "readinessProbe", "livenessProbe", "nodeSelector", "tolerations"));

    private DeploymentDrift() {
    }

    public static boolean drifted(Deployment desired, Deployment actual) {
        return !OwnedFields.coversEntries(desired.getMetadata().getLabels(), actual.getMetadata().getLabels())
            || !OwnedFields.coversEntries(desired.getMetadata().getAnnotations(), actual.getMetadata().getAnnotations())
            || !Objects.equals(desired.getSpec().getTemplate().getMetadata().getLabels(),
                actual.getSpec().getTemplate().getMetadata().getLabels())
            || !FIELDS.covers(json(desired.getSpec()), json(actual.getSpec()));
    }

    /** The actual Deployment with the owned fields put back; everything others set is kept. */
    public static Deployment corrected(Deployment desired, Deployment actual) {
        Deployment result = SERIALIZATION.clone(actual);
        result.getMetadata().setLabels(merged(actual.getMetadata().getLabels(), desired.getMetadata().getLabels()));
        result.getMetadata().setAnnotations(merged(actual.getMetadata().getAnnotations(), desired.getMetadata().getAnnotations()));
        DeploymentSpec spec = result.getSpec();
        DeploymentSpec want = desired.getSpec();
        if (want.getReplicas() != null) {
            spec.setReplicas(want.getReplicas());
        }
        spec.setProgressDeadlineSeconds(want.getProgressDeadlineSeconds());
        spec.getTemplate().getMetadata().setLabels(want.getTemplate().getMetadata().getLabels());
        spec.getTemplate().getMetadata().setAnnotations(merged(
            spec.getTemplate().getMetadata().getAnnotations(), want.getTemplate().getMetadata().getAnnotations()));
        PodSpec pod = spec.getTemplate().getSpec();
        PodSpec wantPod = want.getTemplate().getSpec();
        pod.setContainers(wantPod.getContainers());
        pod.setNodeSelector(wantPod.getNodeSelector());
        pod.setTolerations(wantPod.getTolerations());
        // Left alone when the App does not set them: admission and the ServiceAccount fill these in.
        if (wantPod.getServiceAccountName() != null) {
            pod.setServiceAccountName(wantPod.getServiceAccountName());
        }
        if (wantPod.getImagePullSecrets() != null && !wantPod.getImagePullSecrets().isEmpty()) {
            pod.setImagePullSecrets(wantPod.getImagePullSecrets());
        }
        if (wantPod.getSecurityContext() != null) {
            pod.setSecurityContext(wantPod.getSecurityContext());
        }
        return result;
    }

    static <V> Map<String, V> merged(Map<String, V> base, Map<String, V> overrides) {
        Map<String, V> merged = new HashMap<>();
        if (base != null) {
            merged.putAll(base);
        }
        if (overrides != null) {
            merged.putAll(overrides);
        }
        return merged;
    }

    static JsonNode json(Object value) {
        return SERIALIZATION.convertValue(value, JsonNode.class);
    }
}

package dev.slipway.workload;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Objects;
import java.util.Set;

/** Drift of a process Service on the fields the operator owns: labels, type, selector and ports. */
public final class ServiceDrift {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final OwnedFields FIELDS = new OwnedFields(Set.of());

    private ServiceDrift() {
    }

    public static boolean drifted(Service desired, Service actual) {
        return !OwnedFields.coversEntries(desired.getMetadata().getLabels(), actual.getMetadata().getLabels())
            || !Objects.equals(desired.getSpec().getSelector(), actual.getSpec().getSelector())
            || !FIELDS.covers(DeploymentDrift.json(desired.getSpec()), DeploymentDrift.json(actual.getSpec()));
    }

    public static Service corrected(Service desired, Service actual) {
        Service result = SERIALIZATION.clone(actual);
        result.getMetadata().setLabels(DeploymentDrift.merged(actual.getMetadata().getLabels(), desired.getMetadata().getLabels()));
        result.getSpec().setType(desired.getSpec().getType());
        result.getSpec().setSelector(desired.getSpec().getSelector());
        result.getSpec().setPorts(desired.getSpec().getPorts());
        return result;
    }
}

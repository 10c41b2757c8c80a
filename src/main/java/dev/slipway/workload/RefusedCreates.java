package dev.slipway.workload;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * A create is sent to the collection, so the client's exception names no object, and an admission webhook's denial
 * need not either: the operator puts the name into the Status's details, as the API server's own refusals (quota,
 * invalid field) do, so that the App's WriteRefused message says which object.
 */
public final class RefusedCreates {
    private RefusedCreates() {
    }

    public static void name(KubernetesClientException e, HasMetadata desired) {
        Status status = e.getStatus();
        if (e.getName() == null && status != null && (status.getDetails() == null || status.getDetails().getName() == null)) {
            StatusDetails details = status.getDetails() == null ? new StatusDetails() : status.getDetails();
            details.setName(desired.getMetadata().getName());
            status.setDetails(details);
        }
    }
}

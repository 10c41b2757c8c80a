package dev.slipway.reconcile;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Set;

/**
 * Writes the API server refuses for a reason only a person can remove: an admission webhook or policy denial
 * (403, 400), a ResourceQuota or an invalid field the schema let through (422, 403). Unlike a conflict or a
 * server error, retrying at once changes nothing; the App says why, in the server's words, and the operator
 * retries with backoff until the cause is gone.
 */
final class WriteRefusals {
    static final String REASON = "WriteRefused";
    private static final Set<Integer> REFUSALS = Set.of(400, 403, 422);
    private static final int MAX_DETAIL = 500;

    private WriteRefusals() {
    }

    static boolean isRefusal(KubernetesClientException e) {
        return REFUSALS.contains(e.getCode());
    }

    /** "The API server refused to write deployments shop-web (403: admission webhook … denied the request: …). …" */
    static String message(KubernetesClientException e) {
        String object = e.getResourcePlural() == null ? "an object" : e.getResourcePlural() + (name(e) == null ? "" : " " + name(e));
        String detail = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL) + "…";
        }
        return "The API server refused to write " + object + " (" + e.getCode() + ": " + detail + "). What runs is kept and"
            + " the write is retried with backoff; once the cause is removed (admission policy, ResourceQuota, field value)"
            + " the App goes on by itself";
    }

    /** From the request's path; for a create, which has none there, from the Status's details. */
    private static String name(KubernetesClientException e) {
        if (e.getName() != null) {
            return e.getName();
        }
        return e.getStatus() == null || e.getStatus().getDetails() == null ? null : e.getStatus().getDetails().getName();
    }
}

package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.OneShot;
import dev.slipway.model.RequestPhase;
import dev.slipway.model.RequestStatus;
import dev.slipway.model.Slipway;
import dev.slipway.status.Conditions;
import dev.slipway.status.Health;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Rollbacks and Promotions have in common: a status that ends once, and a refusal that is claimed in the App's
 * ledger before it is written, so that no replica makes a release for a request another one refused.
 */
final class OneShotRequests {
    private OneShotRequests() {
    }

    /** {@code status} filled in for a request that ended, was refused or waits, with this message. */
    static <S extends RequestStatus> S status(OneShot<S> request, S status, RequestPhase phase, String message, Health health,
                                              Conditions conditions) {
        status.setObservedGeneration(request.getMetadata().getGeneration());
        status.setPhase(phase);
        status.setMessage(message);
        status.setConditions(conditions.of(health, request.getMetadata().getGeneration(),
            request.getStatus() == null ? null : request.getStatus().getConditions()));
        return status;
    }

    /**
     * Fails the request; its refusal is claimed in the ledger, stored first, so no other replica makes a release for it.
     *
     * @param annotation the annotation that marks a release made for such a request with its uid
     * @param by         the class that decided, for the log
     */
    static <S extends RequestStatus> RequestStatusChange<S> refusal(App app, OneShot<S> request, S status, String annotation,
                                                                    String message, Claims claims, Conditions conditions,
                                                                    Class<?> by) {
        String kind = request.getKind();
        String name = request.getMetadata().getName();
        if (!claims.refuse(annotation, request.getMetadata().getUid())) {
            throw new IllegalStateException(kind + " " + name + ": another replica claimed a release for it; deciding"
                + " again once that release is seen");
        }
        return new RequestStatusChange<>(request, status(request, status, RequestPhase.Failed, message,
            Health.stalled("Refused", message), conditions), List.of(
            Notice.warn(by, kind + " " + request.getMetadata().getNamespace() + "/" + name + " refused: " + message),
            Notice.warning(request, "Refused", message),
            Notice.warning(app, kind + "Refused", name + ": " + message)));
    }

    /**
     * Who asked for the request, as far as it says: the name kubectl-slipway declared, and the user the admission
     * policy stamped (deploy/created-by-user). The policy leaves the operator's creates alone, so the copy stands on
     * the release the request makes.
     */
    static Map<String, String> createdBy(OneShot<?> request) {
        Map<String, String> annotations = request.getMetadata().getAnnotations();
        Map<String, String> by = new LinkedHashMap<>();
        for (String key : List.of(Slipway.ANNOTATION_CREATED_BY, Slipway.ANNOTATION_CREATED_BY_USER)) {
            if (annotations != null && annotations.get(key) != null) {
                by.put(key, annotations.get(key));
            }
        }
        return by;
    }
}

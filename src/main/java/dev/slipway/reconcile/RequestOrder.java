package dev.slipway.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Comparator;

/** One-shot requests (Rollbacks, Promotions) are handled in the order they were made. */
final class RequestOrder {
    static final Comparator<HasMetadata> CREATION = Comparator
        .comparing((HasMetadata r) -> r.getMetadata().getCreationTimestamp(), Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(r -> r.getMetadata().getName());

    private RequestOrder() {
    }
}

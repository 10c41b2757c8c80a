package dev.slipway.reconcile;

import dev.slipway.model.Rollback;
import java.util.Comparator;

/** Rollback requests are handled in the order they were made. */
final class RollbackOrder {
    static final Comparator<Rollback> CREATION = Comparator
        .comparing((Rollback r) -> r.getMetadata().getCreationTimestamp(), Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(r -> r.getMetadata().getName());

    private RollbackOrder() {
    }
}

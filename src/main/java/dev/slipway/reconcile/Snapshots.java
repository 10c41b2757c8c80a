package dev.slipway.reconcile;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Objects from the informer caches are shared and must not be mutated: the reconcilers work on copies, and
 * compare what they would write with what is stored by content, so that unchanged state is never written. Statuses are
 * value classes and compare with equals, which an App pass does for every release (serializing each to JSON was a
 * third of a restart's first passes); {@link #same} compares anything else by its JSON.
 */
final class Snapshots {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Snapshots() {
    }

    static <T> T copy(T object) {
        return SERIALIZATION.clone(object);
    }

    /** Same content as JSON; null only equals null. */
    static boolean same(Object a, Object b) {
        return SERIALIZATION.asJson(a).equals(SERIALIZATION.asJson(b));
    }
}

package dev.slipway.reconcile;

import dev.slipway.model.Release;
import dev.slipway.model.OneShot;
import dev.slipway.release.Ownership;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.javaoperatorsdk.operator.processing.event.source.informer.TransformingItemStore;
import java.util.HashMap;
import java.util.Map;

/**
 * What the informer caches keep of each object. On a real cluster every object carries managedFields, and a release
 * applied with kubectl also its last-applied-configuration: measured (bench CacheFootprint), 9.1 KiB of heap per cached
 * Release instead of 3.3 KiB (docs/benchmarks.md). The operator reads neither, except the names of a release's field
 * managers (who else keeps it: {@link Ownership}), which are kept on the release in memory. Safe to drop: a write
 * built from a cached object then carries no managedFields, and the API server keeps its own when a request has
 * none (so that clients unaware of the field never strip it); the annotation is dropped only from Releases,
 * Rollbacks and Promotions, whose metadata the operator writes with JSON merge patches (which leave absent keys alone) and whose
 * status writes ignore metadata.
 */
public final class LeanCache {
    public static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private LeanCache() {
    }

    /** A cache for {@code kind} that keeps objects trimmed as above. */
    static <R extends HasMetadata> ItemStore<R> store() {
        return new TransformingItemStore<>(LeanCache::trim);
    }

    public static <R extends HasMetadata> R trim(R object) {
        if (object instanceof Release release && release.getMetadata().getManagedFields() != null) {
            release.setFieldManagers(Ownership.managers(release));
        }
        object.getMetadata().setManagedFields(null);
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        // Only where the operator never writes metadata with a whole-object update, which would drop it on the server.
        boolean patchedOnly = object instanceof Release || object instanceof OneShot<?>;
        if (patchedOnly && annotations != null && annotations.containsKey(LAST_APPLIED)) {
            Map<String, String> kept = new HashMap<>(annotations);
            kept.remove(LAST_APPLIED);
            object.getMetadata().setAnnotations(kept);
        }
        return object;
    }
}

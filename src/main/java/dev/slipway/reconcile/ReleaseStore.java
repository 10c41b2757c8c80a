package dev.slipway.reconcile;

import dev.slipway.model.Release;
import dev.slipway.model.ReleaseStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

/**
 * Writes to Releases. Every write carries the resourceVersion it was computed from (optimistic locking:
 * a stale cache yields 409, never a lost update) and its result is put into the informer's cache so the
 * next reconcile reads its own writes.
 */
final class ReleaseStore {
    private final KubernetesClient client;
    private final InformerEventSource<Release, ?> cache;

    ReleaseStore(KubernetesClient client, InformerEventSource<Release, ?> cache) {
        this.client = client;
        this.cache = cache;
    }

    /**
     * A JSON merge patch of {@code after} with the resourceVersion it was read at: a stale cache still gets a
     * 409, and fields the model does not know (a newer CRD's) stay as the server holds them, which a whole-object
     * update would drop.
     */
    Release update(Release before, Release after) {
        Release updated = client.resource(after).patch(PatchContext.of(PatchType.JSON_MERGE));
        cache.handleRecentResourceUpdate(ResourceID.fromResource(updated), updated, before);
        return updated;
    }

    Release updateStatus(Release before, ReleaseStatus status) {
        Release copy = Snapshots.copy(before);
        copy.setStatus(status);
        Release updated = client.resource(copy).updateStatus();
        cache.handleRecentResourceUpdate(ResourceID.fromResource(updated), updated, before);
        return updated;
    }

    /** False when the API server no longer has it: an earlier pass deleted it and the cache has not seen that yet. */
    boolean delete(Release release) {
        return !client.resource(release).delete().isEmpty();
    }
}

package dev.slipway.reconcile;

import dev.slipway.desired.EnvSnapshotObjects;
import dev.slipway.model.App;
import dev.slipway.model.EnvSnapshot;
import dev.slipway.model.Owners;
import dev.slipway.model.Release;
import dev.slipway.model.Slipway;
import dev.slipway.release.EnvSource;
import dev.slipway.release.SourceContent;
import dev.slipway.workload.RefusedCreates;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Writes the env snapshots a {@link SnapshotPlan} asks for. Sources are read from the API server, not the caches, which
 * hold digests only: the values go from that read into the create and nowhere else. A snapshot's owners are changed by a
 * JSON merge patch of its metadata carrying the resourceVersion read, so its data is never sent again.
 */
final class EnvSnapshotStore {
    private static final Logger LOG = Logger.getLogger(EnvSnapshotStore.class);

    private final KubernetesClient client;
    private final EnvSources sources;

    EnvSnapshotStore(KubernetesClient client, EnvSources sources) {
        this.client = client;
        this.sources = sources;
    }

    SnapshotPlan.Outcome apply(SnapshotPlan plan, Context<App> context) {
        Map<String, List<EnvSnapshot>> made = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        App app = plan.app();
        for (SnapshotPlan.Take take : plan.takes()) {
            List<HasMetadata> read = new ArrayList<>();
            Optional<String> missing = Optional.empty();
            for (EnvSource source : take.sources()) {
                HasMetadata object = get(source.kind(), source.name(), app.getMetadata().getNamespace());
                if (object != null) {
                    read.add(object);
                } else if (!source.optional() && missing.isEmpty()) {
                    missing = Optional.of(source.label() + ", which envFrom names, does not exist: create it, or mark the envFrom"
                        + " entry optional: true; then deploy again (this release stays Failed)");
                }
            }
            if (missing.isPresent()) {
                problems.put(take.release().getMetadata().getName(), missing.get());
                continue;
            }
            List<EnvSnapshot> snapshots = new ArrayList<>();
            for (HasMetadata source : read) {
                HasMetadata snapshot = owned(app, take.release(), EnvSnapshotObjects.of(app, take.release(), source), context);
                snapshots.add(EnvSnapshotObjects.record(source, snapshot));
            }
            made.put(take.release().getMetadata().getName(), snapshots);
        }
        for (SnapshotPlan.Share share : plan.shares()) {
            for (EnvSnapshot snapshot : share.snapshots()) {
                var cache = cache(snapshot.getKind(), app, context);
                HasMetadata existing = cache.get(new ResourceID(snapshot.getName(), app.getMetadata().getNamespace()))
                    .map(HasMetadata.class::cast)
                    .orElseGet(() -> get(snapshot.getKind(), snapshot.getName(), app.getMetadata().getNamespace()));
                if (existing == null || !EnvSnapshotObjects.isSnapshotOf(existing, app)) {
                    problems.put(share.release().getMetadata().getName(), "its env snapshot " + snapshot.getKind() + " "
                        + snapshot.getName() + " (of " + snapshot.getSource() + ") is gone or not Slipway's; roll back to"
                        + " another release or deploy again");
                    break;
                }
                addOwner(existing, share.release(), context, app);
            }
        }
        return new SnapshotPlan.Outcome(made, problems);
    }

    /** {@code desired} created, or, when that content was copied before, the existing copy with {@code release} among its owners. */
    private HasMetadata owned(App app, Release release, HasMetadata desired, Context<App> context) {
        String namespace = app.getMetadata().getNamespace();
        var cache = cache(desired.getKind(), app, context);
        Optional<? extends HasMetadata> cached = cache.get(new ResourceID(desired.getMetadata().getName(), namespace));
        if (cached.isPresent()) {
            return addOwner(cached.get(), release, context, app);
        }
        try {
            HasMetadata created = client.resource(desired).create();
            LOG.infof("App %s/%s: snapshot %s %s of %s made for %s", namespace, app.getMetadata().getName(), created.getKind(),
                created.getMetadata().getName(), desired.getMetadata().getAnnotations().get(Slipway.ANNOTATION_SNAPSHOT_OF),
                release.getMetadata().getName());
            put(cache, digested(created), null);
            return created;
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                RefusedCreates.name(e, desired);
                throw e;
            }
            // Made by an earlier attempt whose answer was lost, or by another release of the same content.
            HasMetadata existing = get(desired.getKind(), desired.getMetadata().getName(), namespace);
            if (existing == null) {
                throw e;
            }
            return addOwner(existing, release, context, app);
        }
    }

    private HasMetadata addOwner(HasMetadata snapshot, Release release, Context<App> context, App app) {
        if (Owners.isOwnedBy(snapshot, release)) {
            return snapshot;
        }
        List<OwnerReference> owners = new ArrayList<>(snapshot.getMetadata().getOwnerReferences() == null
            ? List.of() : snapshot.getMetadata().getOwnerReferences());
        owners.add(Owners.ownerReference(release));
        Map<String, Object> patch = Map.of("metadata", Map.of("resourceVersion", snapshot.getMetadata().getResourceVersion(),
            "ownerReferences", owners));
        String json = client.getKubernetesSerialization().asJson(patch);
        String namespace = snapshot.getMetadata().getNamespace();
        HasMetadata patched = snapshot instanceof Secret
            ? client.secrets().inNamespace(namespace).withName(snapshot.getMetadata().getName()).patch(PatchContext.of(PatchType.JSON_MERGE), json)
            : client.configMaps().inNamespace(namespace).withName(snapshot.getMetadata().getName()).patch(PatchContext.of(PatchType.JSON_MERGE), json);
        put(cache(patched.getKind(), app, context), digested(patched), snapshot);
        return patched;
    }

    private HasMetadata get(String kind, String name, String namespace) {
        return EnvSnapshot.SECRET.equals(kind) ? client.secrets().inNamespace(namespace).withName(name).get()
            : client.configMaps().inNamespace(namespace).withName(name).get();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private InformerEventSource<HasMetadata, App> cache(String kind, App app, Context<App> context) {
        Class type = EnvSnapshot.SECRET.equals(kind) ? Secret.class : ConfigMap.class;
        return (InformerEventSource<HasMetadata, App>) (InformerEventSource) sources.informer(type, app.getMetadata().getNamespace(), context);
    }

    /** Into the cache only as digests, like everything the informer holds. */
    private static HasMetadata digested(HasMetadata object) {
        HasMetadata copy = Snapshots.copy(object);
        return copy instanceof Secret secret ? SourceContent.digested(secret) : SourceContent.digested((ConfigMap) copy);
    }

    private static void put(InformerEventSource<HasMetadata, App> cache, HasMetadata object, HasMetadata before) {
        if (before == null) {
            cache.handleRecentResourceCreate(ResourceID.fromResource(object), object);
        } else {
            cache.handleRecentResourceUpdate(ResourceID.fromResource(object), object, before);
        }
    }

}

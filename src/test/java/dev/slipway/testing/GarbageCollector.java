package dev.slipway.testing;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Plays Kubernetes' garbage collector for Secrets and ConfigMaps, which the mock server does not have: one sweep deletes
 * every object that has owner references of which no owner exists any more (by uid, as the collector checks), and keeps
 * an object as long as one owner is left. Objects without owner references are never touched.
 */
public final class GarbageCollector {
    private static final Map<String, Class<? extends HasMetadata>> OWNER_KINDS = Map.of("Release", Release.class, "App", App.class);

    private GarbageCollector() {
    }

    /** @return the names of the objects deleted, as Kind/name */
    public static List<String> sweep(KubernetesClient client, String namespace) {
        List<HasMetadata> candidates = new ArrayList<>();
        candidates.addAll(client.secrets().inNamespace(namespace).list().getItems());
        candidates.addAll(client.configMaps().inNamespace(namespace).list().getItems());
        List<String> deleted = new ArrayList<>();
        for (HasMetadata object : candidates) {
            List<OwnerReference> owners = object.getMetadata().getOwnerReferences();
            if (owners == null || owners.isEmpty() || owners.stream().anyMatch(o -> exists(client, namespace, o))) {
                continue;
            }
            client.resource(object).delete();
            deleted.add(object.getKind() + "/" + object.getMetadata().getName());
        }
        return deleted;
    }

    private static boolean exists(KubernetesClient client, String namespace, OwnerReference owner) {
        Class<? extends HasMetadata> kind = OWNER_KINDS.get(owner.getKind());
        if (kind == null) {
            throw new IllegalArgumentException("no owner kind " + owner.getKind() + " known to this fixture");
        }
        HasMetadata found = client.resources(kind).inNamespace(namespace).withName(owner.getName()).get();
        return found != null && Objects.equals(found.getMetadata().getUid(), owner.getUid());
    }
}

package dev.slipway.reconcile;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether the operator may read the Secrets and ConfigMaps of a namespace, asked once per namespace before the informers
 * of {@link EnvSources} are registered there. Without the RBAC component an informer that may not list never syncs: its
 * registration held the App's pass for JOSDK's two-minute sync timeout with nothing in the App's status. The question is
 * a GET of a name no object has, so the answer (404, or 403) carries no value.
 */
final class EnvSourceAccess {
    static final String REASON = "EnvSourcesForbidden";
    private static final String PROBE = "slipway-access-check";

    private final Set<String> granted = ConcurrentHashMap.newKeySet();

    /** @throws Forbidden when the API server refuses the operator the Secrets or ConfigMaps of {@code namespace} */
    void check(KubernetesClient client, String namespace) {
        if (granted.contains(namespace)) {
            return;
        }
        probe(client, Secret.class, namespace);
        probe(client, ConfigMap.class, namespace);
        granted.add(namespace);
    }

    private static void probe(KubernetesClient client, Class<? extends HasMetadata> kind, String namespace) {
        try {
            client.resources(kind).inNamespace(namespace).withName(PROBE).get();
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_FORBIDDEN) {
                throw new Forbidden(kind.getSimpleName(), namespace, e);
            }
            throw e;
        }
    }

    /** The App opted in to snapshots, and the operator was not given the access they need. */
    static final class Forbidden extends RuntimeException {
        Forbidden(String kind, String namespace, KubernetesClientException cause) {
            super("spec.snapshotEnvFrom needs the operator to read " + kind + "s in namespace " + namespace + ", and the API"
                + " server refused it (403 Forbidden). Install the RBAC component deploy/components/env-snapshots (cluster-wide"
                + " or namespaced, docs/operations.md), or set spec.snapshotEnvFrom: false. What runs is kept; the App goes on"
                + " by itself once the access is granted", cause);
        }
    }
}

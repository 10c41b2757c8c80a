package dev.slipway.bench;

import dev.slipway.model.Slipway;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A converged App copied, with everything the operator made for it, into many namespaces: the fleet of a
 * restart or memory measurement at issue 14's scale in a few minutes, where numbering 21,000 releases through
 * the operator takes most of an hour. Names stay the same (each copy has its own namespace), so the App's ledger,
 * whose entries are release names, stays true; only uids change, and every reference to a copied uid (owner
 * references, annotations) is rewritten to the copy's.
 */
final class FleetCopies {
    /** The kinds an App pass reads and the operator writes, in the order that lets each copy refer to the ones before. */
    private static final List<Kind> KINDS = List.of(new Kind(Slipway.API_VERSION, "App"), new Kind(Slipway.API_VERSION, "Release"),
        new Kind("v1", "ConfigMap"), new Kind("apps/v1", "Deployment"), new Kind("v1", "Service"));

    private record Kind(String apiVersion, String kind) {
    }

    private final KubernetesClient client;
    private final Map<Kind, List<GenericKubernetesResource>> source = new HashMap<>();
    final AtomicLong objects = new AtomicLong();

    /** Reads what {@code namespace} holds; the operator should have converged there and be stopped. */
    FleetCopies(KubernetesClient client, String namespace) {
        this.client = client;
        for (Kind kind : KINDS) {
            source.put(kind, client.genericKubernetesResources(kind.apiVersion(), kind.kind()).inNamespace(namespace).list().getItems()
                .stream().filter(FleetCopies::ownedBySlipway).toList());
        }
    }

    /** How many Releases one copy holds. */
    int releasesPerCopy() {
        return source.get(KINDS.get(1)).size();
    }

    /** Copies the source into each of {@code namespaces}, on {@code threads} threads. */
    void into(List<String> namespaces, int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> copies = new ArrayList<>();
            for (String namespace : namespaces) {
                copies.add(pool.submit(() -> copyInto(namespace)));
            }
            for (Future<?> copy : copies) {
                try {
                    copy.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("copying the fleet failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void copyInto(String namespace) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
        Map<String, String> uids = new HashMap<>();
        for (Kind kind : KINDS) {
            for (GenericKubernetesResource original : source.get(kind)) {
                GenericKubernetesResource copy = copyOf(original, namespace, uids);
                Object status = copy.getAdditionalProperties().get("status");
                GenericKubernetesResource created = client.resource(copy).create();
                uids.put(original.getMetadata().getUid(), created.getMetadata().getUid());
                if (status != null) {
                    writeStatus(created, withGeneration(status, original.getMetadata().getGeneration(), created.getMetadata().getGeneration()));
                }
                objects.incrementAndGet();
            }
        }
    }

    /**
     * The copied status onto the object just created. The Deployment fixture may write a status of its own meanwhile (a
     * conflict); the copy's is the one wanted, so it is put onto the newest version again, as a restore tool would.
     */
    private void writeStatus(GenericKubernetesResource created, Object status) {
        GenericKubernetesResource latest = created;
        for (int attempt = 1; ; attempt++) {
            latest.getAdditionalProperties().put("status", status);
            try {
                client.resource(latest).updateStatus();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == 5) {
                    throw e;
                }
                latest = client.resource(created).get();
            }
        }
    }

    /** The original as a new object in {@code namespace}, its references to uids already copied rewritten. */
    private static GenericKubernetesResource copyOf(GenericKubernetesResource original, String namespace, Map<String, String> uids) {
        String json = Serialization.asJson(original);
        for (Map.Entry<String, String> uid : uids.entrySet()) {
            json = json.replace(uid.getKey(), uid.getValue());
        }
        GenericKubernetesResource copy = Serialization.unmarshal(json, GenericKubernetesResource.class);
        copy.getMetadata().setNamespace(namespace);
        copy.getMetadata().setUid(null);
        copy.getMetadata().setResourceVersion(null);
        copy.getMetadata().setCreationTimestamp(null);
        copy.getMetadata().setGeneration(null);
        copy.getMetadata().setManagedFields(null);
        return copy;
    }

    /**
     * The status as it reads on the copy: the copy's generation starts again at 1, so the generations the status
     * observed are the copy's, or the operator's first pass would rewrite every status for that alone.
     */
    @SuppressWarnings("unchecked")
    private static Object withGeneration(Object value, Long original, Long copy) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> rewritten = new java.util.LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((key, field) -> rewritten.put(key,
                key.endsWith("Generation") && field instanceof Number n && original != null && n.longValue() == original
                    ? copy : withGeneration(field, original, copy)));
            return rewritten;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> withGeneration(item, original, copy)).toList();
        }
        return value;
    }

    private static boolean ownedBySlipway(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        String kind = object.getKind();
        return kind.equals("App") || kind.equals("Release")
            || labels != null && (labels.containsKey("slipway.dev/release-ledger") || Slipway.MANAGED_BY.equals(labels.get(Slipway.LABEL_MANAGED_BY)));
    }
}

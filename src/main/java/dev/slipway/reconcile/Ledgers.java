package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.Owners;
import dev.slipway.model.Slipway;
import dev.slipway.release.NameLedger;
import dev.slipway.workload.RefusedCreates;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each App's {@link NameLedger} lives: a ConfigMap {@code <app>-slipway-releases} in the App's namespace,
 * owned by the App (deleted with it), read from an informer cache and written with optimistic locking. A
 * ConfigMap rather than the App's status: the ledger grows with the App's life (600 KB at 100,000 releases)
 * and would otherwise be sent with every status write.
 */
final class Ledgers {
    /** Marks the ConfigMaps the operator watches; the value is the App's name. */
    static final String LABEL = "slipway.dev/release-ledger";
    static final String NAMES = "names";
    static final String DEPARTURES = "departures";
    static final String CLAIMS = "claims";

    private final KubernetesClient client;
    private final InformerEventSource<ConfigMap, App> cache;

    Ledgers(KubernetesClient client, InformerEventSource<ConfigMap, App> cache) {
        this.client = client;
        this.cache = cache;
    }

    static String name(App app) {
        return app.getMetadata().getName() + "-slipway-releases";
    }

    /** A ledger as read, with the ConfigMap it was read from (null when the App has none yet). */
    record Read(NameLedger ledger, ConfigMap from) {
    }

    Read read(App app) {
        ConfigMap map = cache.get(new ResourceID(name(app), app.getMetadata().getNamespace())).orElse(null);
        return new Read(map == null ? NameLedger.empty() : NameLedger.of(
                Optional.ofNullable(map.getBinaryData()).map(d -> d.get(NAMES)).map(Base64.getDecoder()::decode).orElse(null),
                Optional.ofNullable(map.getData()).map(d -> d.get(DEPARTURES)).orElse(null),
                Optional.ofNullable(map.getData()).map(d -> d.get(CLAIMS)).orElse(null)), map);
    }

    /**
     * Stores {@code ledger}, decided on {@code read}, creating the ConfigMap for the App's first numbered release.
     * Conditional on what was read (an update carries the resourceVersion read, whatever the cache holds by now; a
     * create fails when the ConfigMap exists): a replica that decided on a stale view gets 409 and decides again.
     * This is the fence of docs/design-decisions.md.
     */
    Read write(App app, Read read, NameLedger ledger) {
        Optional<ConfigMap> stored = Optional.ofNullable(read.from());
        Map<String, String> binary = new HashMap<>(Map.of(NAMES, Base64.getEncoder().encodeToString(ledger.names())));
        Map<String, String> data = new HashMap<>(Map.of(DEPARTURES, ledger.departures(), CLAIMS, ledger.claims()));
        if (stored.isEmpty()) {
            ConfigMap desired = new ConfigMapBuilder()
                .withNewMetadata()
                    .withName(name(app)).withNamespace(app.getMetadata().getNamespace())
                    .addToLabels(Slipway.LABEL_MANAGED_BY, Slipway.MANAGED_BY)
                    .addToLabels(Slipway.LABEL_APP, app.getMetadata().getName())
                    .addToLabels(LABEL, app.getMetadata().getName())
                    .addToOwnerReferences(Owners.ownerReference(app))
                .endMetadata()
                .withBinaryData(binary).withData(data)
                .build();
            ConfigMap created;
            try {
                created = client.resource(desired).create();
            } catch (KubernetesClientException e) {
                RefusedCreates.name(e, desired);
                throw e;
            }
            cache.handleRecentResourceCreate(ResourceID.fromResource(created), created);
            return new Read(ledger, created);
        }
        ConfigMap copy = Snapshots.copy(stored.get());
        copy.setBinaryData(binary);
        copy.setData(data);
        ConfigMap updated = client.resource(copy).update();
        cache.handleRecentResourceUpdate(ResourceID.fromResource(updated), updated, stored.get());
        return new Read(ledger, updated);
    }
}

package dev.slipway.bench;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.Rollback;
import dev.slipway.model.Slipway;
import dev.slipway.testing.TestApiServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The floor of a restart: a bare client, new like a restarted operator's, lists every object the operator's
 * informers list from the same API server, all kinds at once as the informers start together. A restart cannot
 * have every App reconciled before its caches hold these lists.
 */
final class ListFloor {
    private static final String MANAGED = Slipway.LABEL_MANAGED_BY + "=" + Slipway.MANAGED_BY;

    /** What the informers list, with their label selectors (AppReconciler, ReleaseReconciler, RollbackReconciler). */
    private record Listed(Class<? extends HasMetadata> kind, String selector) {
    }

    private static final List<Listed> LISTS = List.of(new Listed(App.class, null), new Listed(Release.class, null),
        new Listed(Rollback.class, null), new Listed(Deployment.class, MANAGED), new Listed(Service.class, MANAGED),
        new Listed(ConfigMap.class, "slipway.dev/release-ledger"));

    private final TestApiServer api;

    ListFloor(TestApiServer api) {
        this.api = api;
    }

    /** Time from a new client to every list answered. */
    Duration measure() {
        long start = System.nanoTime();
        try (KubernetesClient client = api.newClient(RequestTimeline.BENCH_AGENT + "-list-floor", Duration.ofMinutes(2))) {
            CompletableFuture.allOf(LISTS.stream()
                    .map(l -> CompletableFuture.runAsync(() -> (l.selector() == null ? client.resources(l.kind()).inAnyNamespace()
                        : client.resources(l.kind()).inAnyNamespace().withLabelSelector(l.selector())).list()))
                    .toArray(CompletableFuture[]::new))
                .join();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}

package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.ReleaseStatus;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.Manifests;
import dev.slipway.testing.TestApiServer;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pruning from a cache that lags behind the operator's own deletes, made deterministic: the second pass is
 * handed the list the first one started from. Seen in a busy suite run: the next reconcile pruned v1 again and
 * sent a second "Pruned v1" Event, so PruningTest counted three Events for two prunes.
 */
class PrunerTest {
    private final TestApiServer api = TestApiServer.start();
    private final KubernetesClient client = api.newClient();
    private final Pruner pruner = new Pruner(client, new EventRecorder(client, Clock.systemUTC()));

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void aReleaseAlreadyPrunedIsNotReportedAgain() {
        App app = client.resource(webAndWorker("shop", Map.of())).create();
        app.getSpec().setHistoryLimit(1);
        List<Release> stale = List.of(numbered(1, ReleasePhase.Superseded), numbered(2, ReleasePhase.Superseded),
            numbered(3, ReleasePhase.Active));

        assertThat(pruner.prune(app, stale, stale.get(2), stale.get(2)).remaining()).as("v1 pruned, one inactive release kept")
            .extracting(r -> r.getMetadata().getName()).containsExactly("shop-2", "shop-3");
        assertThat(pruner.prune(app, stale, stale.get(2), stale.get(2)).remaining()).as("the same list again, as from a lagging cache")
            .extracting(r -> r.getMetadata().getName()).containsExactly("shop-2", "shop-3");
        List<Release> later = List.of(numbered(4, ReleasePhase.Superseded), numbered(5, ReleasePhase.Superseded),
            numbered(6, ReleasePhase.Active));
        pruner.prune(app, later, later.get(2), later.get(2));

        // One sender thread sends Events in order: once v4's is stored, a second one for v1 would be too.
        await().atMost(Cluster.CONVERGENCE).until(() -> pruned().stream().anyMatch(e -> e.getMessage().startsWith("Pruned v4")));
        assertThat(pruned()).extracting(Event::getMessage).hasSize(2).anyMatch(m -> m.startsWith("Pruned v1 (shop-1)"));
        assertThat(client.resources(Release.class).inNamespace(Manifests.NAMESPACE).list().getItems())
            .extracting(r -> r.getMetadata().getName()).containsExactlyInAnyOrder("shop-2", "shop-3", "shop-5", "shop-6");
    }

    private Release numbered(long version, ReleasePhase phase) {
        Release release = client.resource(release("shop-" + version, "shop", "registry.example/shop/web:" + version)).create();
        ReleaseStatus status = new ReleaseStatus();
        status.setVersion(version);
        status.setPhase(phase);
        release.setStatus(status);
        return release;
    }

    private List<Event> pruned() {
        return client.v1().events().inNamespace(Manifests.NAMESPACE).list().getItems().stream()
            .filter(e -> "Pruned".equals(e.getReason())).toList();
    }
}

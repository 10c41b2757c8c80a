package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.metrics.SlipwayMetrics;
import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.ReleaseStatus;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.Manifests;
import dev.slipway.testing.TestApiServer;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pruning from a cache that lags behind the operator's own deletes, made deterministic: the second pass is
 * handed the list the first one started from. Seen in a busy suite run: the next reconcile pruned v1 again and
 * sent a second "Pruned v1" Event, so PruningTest counted three Events for two prunes. The planner cannot tell
 * (it sees what the cache holds); the executor tells a prune only when its delete took effect.
 */
class PrunerTest {
    private final TestApiServer api = TestApiServer.start();
    private final KubernetesClient client = api.newClient();
    // A plan of prunes only deletes releases and tells what it did: the other writers are never reached.
    private final PassExecutor executor = new PassExecutor(client, new ReleaseStore(client, null), null, null, null, null, null,
        new VersionMemo(), null, new Notices(new EventRecorder(client, Clock.systemUTC()), new SlipwayMetrics(new SimpleMeterRegistry(), Clock.systemUTC())), null);

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

        assertThat(prune(app, stale).remaining()).as("v1 pruned, one inactive release kept")
            .extracting(r -> r.getMetadata().getName()).containsExactly("shop-2", "shop-3");
        assertThat(prune(app, stale).remaining()).as("the same list again, as from a lagging cache")
            .extracting(r -> r.getMetadata().getName()).containsExactly("shop-2", "shop-3");
        List<Release> later = List.of(numbered(4, ReleasePhase.Superseded), numbered(5, ReleasePhase.Superseded),
            numbered(6, ReleasePhase.Active));
        prune(app, later);

        // One sender thread sends Events in order: once v4's is stored, a second one for v1 would be too.
        await().atMost(Cluster.CONVERGENCE).until(() -> pruned().stream().anyMatch(e -> e.getMessage().startsWith("Pruned v4")));
        assertThat(pruned()).extracting(Event::getMessage).hasSize(2).anyMatch(m -> m.startsWith("Pruned v1 (shop-1)"));
        assertThat(client.resources(Release.class).inNamespace(Manifests.NAMESPACE).list().getItems())
            .extracting(r -> r.getMetadata().getName()).containsExactlyInAnyOrder("shop-2", "shop-3", "shop-5", "shop-6");
    }

    /** Plans the prunes of a pass whose newest release is active, and applies them. */
    private Pruner.Plan prune(App app, List<Release> numbered) {
        Release active = numbered.get(numbered.size() - 1);
        Pruner.Plan plan = Pruner.plan(app, numbered, active, active);
        executor.record(new RecordPlan(List.of(), Optional.empty(), plan.prunes(), Optional.empty(), null, Optional.empty(), false),
            app, null, null);
        return plan;
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

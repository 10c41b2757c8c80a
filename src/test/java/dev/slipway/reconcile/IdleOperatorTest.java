package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.ReleasePhase;
import dev.slipway.testing.ClusterScenario;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Status is written only when it changed: a restarted operator that re-reconciles everything writes nothing. */
class IdleOperatorTest extends ClusterScenario {
    @Test
    void restartAfterConvergenceWritesNothing() {
        cluster.create(webAndWorker("shop", Map.of("LOG_LEVEL", "info")));
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.create(release("shop-b", "shop", "registry.example/shop/web:2"));
        cluster.awaitPhase("shop-b", ReleasePhase.Active);
        cluster.awaitPhase("shop-a", ReleasePhase.Superseded);
        Map<String, String> before = resourceVersions();

        cluster.restartOperator();
        // A marker app created after the restart converges only after the operator has processed the
        // initial events of the existing apps, which come first in its queue.
        cluster.create(webAndWorker("marker", Map.of()));
        cluster.create(release("marker-a", "marker", "registry.example/marker/web:1"));
        cluster.awaitPhase("marker-a", ReleasePhase.Active);

        Map<String, String> after = resourceVersions();
        after.keySet().removeIf(key -> key.contains("marker"));
        assertThat(after).isEqualTo(before);
    }

    private Map<String, String> resourceVersions() {
        Map<String, String> versions = new TreeMap<>();
        Stream.of(
                cluster.client.resources(dev.slipway.model.App.class).inNamespace("shop").list().getItems().stream(),
                cluster.client.resources(dev.slipway.model.Release.class).inNamespace("shop").list().getItems().stream(),
                cluster.client.apps().deployments().inNamespace("shop").list().getItems().stream(),
                cluster.client.services().inNamespace("shop").list().getItems().stream())
            .flatMap(s -> s.map(HasMetadata.class::cast))
            .forEach(o -> versions.put(o.getKind() + "/" + o.getMetadata().getName(), o.getMetadata().getResourceVersion()));
        return versions;
    }
}

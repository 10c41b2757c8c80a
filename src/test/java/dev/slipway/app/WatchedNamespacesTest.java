package dev.slipway.app;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.testing.Cluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SLIPWAY_NAMESPACES restricts the packaged operator to a list of namespaces. */
@QuarkusTest
@TestProfile(WatchedNamespacesTest.TeamAOnly.class)
@QuarkusTestResource(InProcessApiServerResource.class)
class WatchedNamespacesTest {

    public static class TeamAOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("SLIPWAY_NAMESPACES", "team-a");
        }
    }

    @Inject
    KubernetesClient client;

    @Test
    void appsOutsideTheWatchedNamespacesAreLeftAlone() {
        App other = inNamespace(webAndWorker("shop", Map.of()), "team-b");
        client.resource(other).create();
        client.resource(inNamespace(release("shop-a", "shop", "registry.example/shop/web:1"), "team-b")).create();
        client.resource(inNamespace(webAndWorker("shop", Map.of()), "team-a")).create();
        client.resource(inNamespace(release("shop-a", "shop", "registry.example/shop/web:1"), "team-a")).create();

        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> {
            Release watched = client.resources(Release.class).inNamespace("team-a").withName("shop-a").get();
            assertThat(watched.getStatus()).isNotNull();
            assertThat(watched.getStatus().getPhase()).isEqualTo(ReleasePhase.Active);
        });
        assertThat(client.resources(Release.class).inNamespace("team-b").withName("shop-a").get().getStatus()).isNull();
        assertThat(client.apps().deployments().inNamespace("team-b").list().getItems()).isEmpty();
    }

    private static <T extends HasMetadata> T inNamespace(T object, String namespace) {
        object.getMetadata().setNamespace(namespace);
        return object;
    }
}

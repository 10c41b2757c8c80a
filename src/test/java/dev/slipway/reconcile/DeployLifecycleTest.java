package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.App;
import dev.slipway.model.ReleasePhase;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.ClusterScenario;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DeployLifecycleTest extends ClusterScenario {
    @Test
    void firstReleaseIsNumberedDeployedAndBecomesActive() {
        cluster.create(webAndWorker("shop", Map.of("LOG_LEVEL", "info")));
        cluster.create(release("shop-6d58b1ce", "shop", "registry.example/shop/web:1.0", "6d58b1ce8a9f"));

        cluster.awaitPhase("shop-6d58b1ce", ReleasePhase.Active);

        var release = cluster.release("shop-6d58b1ce");
        assertThat(release.getStatus().getVersion()).isEqualTo(1L);
        assertThat(release.getMetadata().getLabels()).containsEntry("slipway.dev/app", "shop").containsEntry("slipway.dev/version", "1");
        assertThat(release.getSpec().getDescription()).isEqualTo("Deploy 6d58b1ce");
        assertThat(release.getSpec().getConfig()).as("inherited from App.spec.config").isEqualTo(Map.of("LOG_LEVEL", "info"));
        assertThat(release.getStatus().getDeployedAt()).isNotNull();

        Deployment web = cluster.deployment("shop-web");
        Container container = web.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("registry.example/shop/web:1.0");
        assertThat(container.getCommand()).containsExactly("bin/web");
        assertThat(env(container)).containsEntry("LOG_LEVEL", "info")
            .containsEntry("SLIPWAY_APP", "shop")
            .containsEntry("SLIPWAY_PROCESS", "web")
            .containsEntry("SLIPWAY_RELEASE_VERSION", "v1")
            .containsEntry("SLIPWAY_RELEASE_NAME", "shop-6d58b1ce")
            .containsEntry("SLIPWAY_GIT_SHA", "6d58b1ce8a9f")
            .containsEntry("SLIPWAY_GIT_BRANCH", "main");
        assertThat(web.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("slipway.dev/version", "1");
        assertThat(web.getMetadata().getOwnerReferences()).singleElement()
            .satisfies(ref -> assertThat(ref.getController()).isTrue())
            .satisfies(ref -> assertThat(ref.getKind()).isEqualTo("App"));
        assertThat(cluster.client.services().inNamespace("shop").withName("shop-web").get()).isNotNull();
        assertThat(cluster.client.services().inNamespace("shop").withName("shop-worker").get())
            .as("no port, no Service").isNull();

        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(cluster.client.v1().events().inNamespace("shop")
                .list().getItems())
            .filteredOn(e -> e.getInvolvedObject().getName().equals("shop-6d58b1ce"))
            .extracting(e -> e.getReason() + ": " + e.getMessage())
            .contains("Created: Release v1 created: Deploy 6d58b1ce",
                "Deploying: Deploying v1 (registry.example/shop/web:1.0)",
                "Active: v1 is active"));

        App app = cluster.app("shop");
        assertThat(app.getStatus().getActiveRelease().getVersion()).isEqualTo(1L);
        assertThat(app.getStatus().getLatestVersion()).isEqualTo(1L);
        assertThat(app.getStatus().getObservedGeneration()).isEqualTo(app.getMetadata().getGeneration());
        assertThat(app.getStatus().getConditions()).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo("Ready");
            assertThat(c.getStatus()).isEqualTo("True");
        });
    }

    @Test
    void nextReleaseSupersedesThePreviousAndRestartsPods() {
        cluster.create(webAndWorker("shop", Map.of()));
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1.0"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);

        cluster.create(release("shop-b", "shop", "registry.example/shop/web:1.0"));
        cluster.awaitPhase("shop-b", ReleasePhase.Active);
        cluster.awaitPhase("shop-a", ReleasePhase.Superseded);

        assertThat(cluster.release("shop-b").getStatus().getVersion()).isEqualTo(2L);
        assertThat(cluster.release("shop-a").getStatus().getSupersededAt()).isNotNull();
        assertThat(cluster.release("shop-a").getStatus().getMessage()).isEqualTo("Superseded by v2");
        assertThat(cluster.deployment("shop-worker").getSpec().getTemplate().getMetadata().getLabels())
            .as("same image and config, new pod template").containsEntry("slipway.dev/version", "2");
        await().untilAsserted(() -> assertThat(cluster.app("shop").getStatus().getActiveRelease().getName()).isEqualTo("shop-b"));
    }

    private static Map<String, String> env(Container container) {
        return container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }
}

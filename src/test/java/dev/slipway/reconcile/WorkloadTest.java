package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.process;
import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.App;
import dev.slipway.model.ReleasePhase;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.ClusterScenario;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkloadTest extends ClusterScenario {
    @BeforeEach
    void setUp() {
        cluster.create(webAndWorker("shop", Map.of("LOG_LEVEL", "info")));
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);
    }

    @Test
    void handEditedImageIsPutBackAndForeignAnnotationsAreKept() {
        cluster.update(Deployment.class, "shop-web", d -> {
            d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("evil/image:latest");
            d.getMetadata().getAnnotations().put("team.example/owner", "payments");
        });

        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> {
            Deployment web = cluster.deployment("shop-web");
            assertThat(web.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example/shop/web:1");
            assertThat(web.getMetadata().getAnnotations()).containsEntry("team.example/owner", "payments");
        });
    }

    @Test
    void replicasAreLeftAloneWhenTheProcessDoesNotSetThem() {
        editApp(app -> app.getSpec().getProcesses().get("worker").setReplicas(null));
        cluster.update(Deployment.class, "shop-worker", d -> d.getSpec().setReplicas(7));
        cluster.create(release("shop-b", "shop", "registry.example/shop/web:2"));
        cluster.awaitPhase("shop-b", ReleasePhase.Active);

        assertThat(cluster.deployment("shop-worker").getSpec().getReplicas()).as("an HPA's choice survives a deploy").isEqualTo(7);
        assertThat(cluster.deployment("shop-web").getSpec().getReplicas()).as("set by the App").isEqualTo(2);
    }

    @Test
    void removingAProcessDeletesItsDeploymentAndService() {
        editApp(app -> {
            app.getSpec().getProcesses().remove("web");
            app.getSpec().getProcesses().put("clock", process(1, List.of("bin/clock")));
        });

        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> {
            assertThat(cluster.deployment("shop-web")).isNull();
            assertThat(cluster.client.services().inNamespace("shop").withName("shop-web").get()).isNull();
            assertThat(cluster.deployment("shop-clock")).isNotNull();
        });
        assertThat(cluster.deployment("shop-worker")).isNotNull();
    }

    @Test
    void releaseWithoutConfigInheritsTheRunningReleasesConfig() {
        var withConfig = release("shop-b", "shop", "registry.example/shop/web:2");
        withConfig.getSpec().setConfig(Map.of("LOG_LEVEL", "debug", "FEATURE_X", "on"));
        cluster.create(withConfig);
        cluster.awaitPhase("shop-b", ReleasePhase.Active);

        cluster.create(release("shop-c", "shop", "registry.example/shop/web:3"));
        cluster.awaitPhase("shop-c", ReleasePhase.Active);

        assertThat(cluster.release("shop-c").getSpec().getConfig()).isEqualTo(Map.of("LOG_LEVEL", "debug", "FEATURE_X", "on"));
        assertThat(cluster.deployment("shop-web").getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
            .extracting(EnvVar::getName).startsWith("FEATURE_X", "LOG_LEVEL");
        assertThat(cluster.release("shop-c").getSpec().getDescription()).isEqualTo("Deploy 3");
    }

    private void editApp(java.util.function.Consumer<App> change) {
        cluster.update(App.class, "shop", change);
    }
}

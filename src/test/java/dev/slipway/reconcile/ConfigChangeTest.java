package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.rollback;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.App;
import dev.slipway.model.Cause;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.RollbackPhase;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.ClusterScenario;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigChangeTest extends ClusterScenario {

    @Test
    void changingAppConfigCreatesAConfigReleaseOfTheRunningBuild() {
        cluster.create(webAndWorker("shop", Map.of("LOG_LEVEL", "info", "OLD", "x", "KEEP", "same")));
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1", "6d58b1ce8a9f"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);

        cluster.update(App.class, "shop", app -> app.getSpec().setConfig(new LinkedHashMap<>(
            Map.of("LOG_LEVEL", "debug", "FOO", "bar", "KEEP", "same"))));

        cluster.awaitPhase("shop-v2", ReleasePhase.Active);
        var made = cluster.release("shop-v2");
        assertThat(made.getSpec().getCause()).isEqualTo(Cause.Config);
        assertThat(made.getSpec().getDescription()).isEqualTo("Set FOO, LOG_LEVEL; unset OLD");
        assertThat(made.getSpec().getImage()).isEqualTo("registry.example/shop/web:1");
        assertThat(made.getSpec().getSource().getCommit()).isEqualTo("6d58b1ce8a9f");
        assertThat(made.getSpec().getConfig()).isEqualTo(Map.of("LOG_LEVEL", "debug", "FOO", "bar", "KEEP", "same"));
    }

    @Test
    void noReleaseWithoutAChangeNorBeforeTheFirstBuild() {
        cluster.create(webAndWorker("shop", Map.of("LOG_LEVEL", "info")));
        cluster.update(App.class, "shop", app -> app.getSpec().getConfig().put("LOG_LEVEL", "debug"));
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(cluster.app("shop").getStatus().getObservedGeneration())
            .isEqualTo(cluster.app("shop").getMetadata().getGeneration()));
        assertThat(cluster.releasesOf("shop")).as("nothing before the first build").isEmpty();

        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);
        assertThat(cluster.release("shop-a").getSpec().getConfig()).as("the config seeds the first release")
            .isEqualTo(Map.of("LOG_LEVEL", "debug"));

        cluster.update(App.class, "shop", app -> app.getSpec().getProcesses().get("web").setReplicas(3));
        cluster.restartOperator();
        cluster.create(webAndWorker("marker", Map.of()));
        cluster.create(release("marker-a", "marker", "registry.example/marker/web:1"));
        cluster.awaitPhase("marker-a", ReleasePhase.Active);
        assertThat(cluster.releasesOf("shop")).as("no config change: no release (spec edits, restarts)").hasSize(1);
    }

    @Test
    void afterARollbackTheAppReportsTheConfigDifferenceAndDoesNotFightIt() {
        cluster.create(webAndWorker("shop", Map.of("LOG_LEVEL", "info")));
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);
        cluster.update(App.class, "shop", app -> app.getSpec().getConfig().put("LOG_LEVEL", "debug"));
        cluster.awaitPhase("shop-v2", ReleasePhase.Active);

        cluster.create(rollback("undo", "shop", "v1"));
        cluster.awaitRollback("undo", RollbackPhase.Succeeded);
        cluster.awaitPhase("shop-v3", ReleasePhase.Active);

        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(cluster.app("shop").getStatus().getConditions())
            .anySatisfy(c -> {
                assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("ConfigInSync=False");
                assertThat(c.getReason()).isEqualTo("RunningConfigDiffers");
                assertThat(c.getMessage()).contains("LOG_LEVEL").doesNotContain("debug");
            }));
        cluster.restartOperator();
        cluster.create(webAndWorker("marker", Map.of()));
        cluster.create(release("marker-a", "marker", "registry.example/marker/web:1"));
        cluster.awaitPhase("marker-a", ReleasePhase.Active);
        assertThat(cluster.releasesOf("shop")).as("the rollback is not undone").hasSize(3);
    }
}

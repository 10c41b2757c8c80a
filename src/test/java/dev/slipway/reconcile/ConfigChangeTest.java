package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.rollback;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.App;
import dev.slipway.model.Cause;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.RequestPhase;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.ClusterScenario;
import dev.slipway.testing.DeploymentController.Outcome;
import io.fabric8.kubernetes.api.model.apps.Deployment;
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
    void aConfigSetAgainAfterAnotherIsANewRelease() {
        cluster.create(webAndWorker("shop", Map.of("LOG_LEVEL", "info")));
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);

        String[] levels = {"debug", "info", "debug"};
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            int version = i + 2;
            cluster.update(App.class, "shop", app -> app.getSpec().getConfig().put("LOG_LEVEL", level));
            cluster.awaitPhase("shop-v" + version, ReleasePhase.Active);
            assertThat(cluster.release("shop-v" + version).getSpec().getConfig()).containsEntry("LOG_LEVEL", level);
        }
        assertThat(cluster.releasesOf("shop")).hasSize(4);
    }

    @Test
    void aConfigChangeDuringARolloutKeepsTheBuildBeingRolledOut() {
        cluster.deployments.setOutcome(d -> imageOf(d).endsWith(":stuck") ? Outcome.NEVER_AVAILABLE : cluster.deployments.kubelet(d));
        cluster.create(webAndWorker("shop", Map.of("LOG_LEVEL", "info")));
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);
        cluster.create(release("shop-b", "shop", "registry.example/shop/web:stuck"));
        cluster.awaitPhase("shop-b", ReleasePhase.Deploying);

        cluster.update(App.class, "shop", app -> app.getSpec().getConfig().put("LOG_LEVEL", "debug"));

        cluster.awaitPhase("shop-v3", ReleasePhase.Deploying);
        var made = cluster.release("shop-v3");
        assertThat(made.getSpec().getImage()).as("the deploy in progress is not undone").isEqualTo("registry.example/shop/web:stuck");
        assertThat(made.getSpec().getDescription()).isEqualTo("Set LOG_LEVEL");
        assertThat(imageOf(cluster.deployment("shop-web"))).isEqualTo("registry.example/shop/web:stuck");
    }

    @Test
    void aDeployAndAConfigChangeAppliedTogetherBothTakeEffect() {
        cluster.create(webAndWorker("shop", Map.of("LOG_LEVEL", "info")));
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);
        // As a GitOps sync applies a new Release and an App with new config in one go.
        cluster.stopOperator();
        cluster.create(release("shop-b", "shop", "registry.example/shop/web:2"));
        cluster.update(App.class, "shop", app -> app.getSpec().getConfig().put("LOG_LEVEL", "debug"));
        cluster.startOperator();

        cluster.awaitPhase("shop-v3", ReleasePhase.Active);
        assertThat(cluster.release("shop-b").getStatus().getVersion()).isEqualTo(2L);
        var made = cluster.release("shop-v3");
        assertThat(made.getSpec().getImage()).isEqualTo("registry.example/shop/web:2");
        assertThat(made.getSpec().getConfig()).isEqualTo(Map.of("LOG_LEVEL", "debug"));
        assertThat(made.getSpec().getDescription()).isEqualTo("Set LOG_LEVEL");
        assertThat(imageOf(cluster.deployment("shop-web"))).isEqualTo("registry.example/shop/web:2");
    }

    @Test
    void aConfigChangeAfterAFailedRolloutDoesNotRetryTheFailedBuild() {
        cluster.failRolloutsOfBrokenImages();
        cluster.create(webAndWorker("shop", Map.of("LOG_LEVEL", "info")));
        cluster.update(App.class, "shop", app -> app.getSpec().getRollout().setAutoRollback(false));
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);
        cluster.create(release("shop-b", "shop", "registry.example/shop/web:broken"));
        cluster.awaitPhase("shop-b", ReleasePhase.Failed);

        cluster.update(App.class, "shop", app -> app.getSpec().getConfig().put("LOG_LEVEL", "debug"));

        cluster.awaitPhase("shop-v3", ReleasePhase.Active);
        assertThat(cluster.release("shop-v3").getSpec().getImage()).isEqualTo("registry.example/shop/web:1");
    }

    private static String imageOf(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
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
        cluster.awaitRollback("undo", RequestPhase.Succeeded);
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

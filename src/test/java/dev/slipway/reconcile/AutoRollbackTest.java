package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.App;
import dev.slipway.model.Cause;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.ClusterScenario;
import dev.slipway.testing.DeploymentController.Outcome;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AutoRollbackTest extends ClusterScenario {

    @BeforeEach
    void goodRelease() {
        cluster.failRolloutsOfBrokenImages();
        cluster.create(webAndWorker("shop", Map.of()));
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);
    }

    @Test
    void failedRolloutIsRolledBackToTheLastActiveReleaseOnce() {
        cluster.create(release("shop-b", "shop", "registry.example/shop/web:broken"));

        cluster.awaitPhase("shop-b", ReleasePhase.Failed);
        assertThat(cluster.release("shop-b").getStatus().getMessage())
            .contains("Rollout of v2 failed").contains("exceeded its progress deadline");
        cluster.awaitPhase("shop-v3", ReleasePhase.Active);
        Release rollback = cluster.release("shop-v3");
        assertThat(rollback.getSpec().getCause()).isEqualTo(Cause.AutoRollback);
        assertThat(rollback.getSpec().getRollbackOf()).isEqualTo(1L);
        assertThat(rollback.getSpec().getImage()).isEqualTo("registry.example/shop/web:1");
        assertThat(rollback.getSpec().getDescription()).isEqualTo("Rollback to v1 (v2 failed: rollout exceeded its progress deadline)");
        assertThat(cluster.release("shop-b").getStatus().getPhase()).as("never retried").isEqualTo(ReleasePhase.Failed);

        cluster.restartOperator();
        cluster.create(release("shop-c", "shop", "registry.example/shop/web:3"));
        cluster.awaitPhase("shop-c", ReleasePhase.Active);
        assertThat(cluster.releasesOf("shop")).as("one automatic rollback, no loop").hasSize(4);
    }

    @Test
    void aFailingAutomaticRollbackStallsTheAppAndStops() {
        cluster.deployments.setOutcome(d -> {
            String version = d.getSpec().getTemplate().getMetadata().getLabels().get("slipway.dev/version");
            return "1".equals(version) ? Outcome.AVAILABLE : Outcome.DEADLINE_EXCEEDED;
        });
        cluster.create(release("shop-b", "shop", "registry.example/shop/web:2"));

        cluster.awaitPhase("shop-b", ReleasePhase.Failed);
        cluster.awaitPhase("shop-v3", ReleasePhase.Failed);
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(cluster.app("shop").getStatus().getConditions())
            .anySatisfy(c -> {
                assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Stalled=True");
                assertThat(c.getMessage()).contains("v3 failed").contains("no further automatic action");
            }));
        assertThat(cluster.releasesOf("shop")).hasSize(3);
    }

    @Test
    void withAutoRollbackOffAFailedReleaseStallsTheApp() {
        cluster.update(App.class, "shop", app -> {
            app.getSpec().getRollout().setAutoRollback(false);
        });
        cluster.create(release("shop-b", "shop", "registry.example/shop/web:broken"));

        cluster.awaitPhase("shop-b", ReleasePhase.Failed);
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(cluster.app("shop").getStatus().getConditions())
            .anySatisfy(c -> assertThat(c.getMessage()).contains("spec.rollout.autoRollback is off")));
        assertThat(cluster.releasesOf("shop")).hasSize(2);
    }
}

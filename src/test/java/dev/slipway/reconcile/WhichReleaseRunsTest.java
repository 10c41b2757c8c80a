package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.rollback;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.App;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.RequestPhase;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.ClusterScenario;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WhichReleaseRunsTest extends ClusterScenario {
    @Test
    void pinnedAppRunsThePinnedReleaseAndNewerOnesWait() {
        cluster.create(webAndWorker("shop", Map.of()));
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);
        pin("v1");

        cluster.create(release("shop-b", "shop", "registry.example/shop/web:2"));
        cluster.awaitPhase("shop-b", ReleasePhase.Waiting);
        assertThat(cluster.release("shop-b").getStatus().getMessage())
            .isEqualTo("App is pinned to v1 by spec.release; change the pin to run this release");
        assertThat(image("shop-web")).isEqualTo("registry.example/shop/web:1");
        assertThat(cluster.release("shop-b").getStatus().getConditions())
            .allSatisfy(c -> assertThat(c.getStatus()).as(c.getType()).isEqualTo("False"));

        pin("shop-b");
        cluster.awaitPhase("shop-b", ReleasePhase.Active);
        cluster.awaitPhase("shop-a", ReleasePhase.Superseded);
        assertThat(image("shop-web")).isEqualTo("registry.example/shop/web:2");

        pin("1");
        cluster.awaitPhase("shop-a", ReleasePhase.Active);
        cluster.awaitPhase("shop-b", ReleasePhase.Superseded);
        assertThat(image("shop-web")).isEqualTo("registry.example/shop/web:1");

        pin(null);
        cluster.awaitPhase("shop-b", ReleasePhase.Active);
    }

    @Test
    void unknownPinStallsTheAppAndLeavesTheWorkloadAlone() {
        cluster.create(webAndWorker("shop", Map.of()));
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);

        pin("v12");

        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(cluster.app("shop").getStatus().getConditions())
            .anySatisfy(c -> {
                assertThat(c.getType()).isEqualTo("Stalled");
                assertThat(c.getStatus()).isEqualTo("True");
                assertThat(c.getReason()).isEqualTo("PinNotRunnable");
                assertThat(c.getMessage()).startsWith("spec.release pins v12, which matches no release of App shop");
            }));
        assertThat(image("shop-web")).isEqualTo("registry.example/shop/web:1");
        assertThat(cluster.release("shop-a").getStatus().getPhase()).isEqualTo(ReleasePhase.Active);
    }

    @Test
    void releaseForAMissingAppWaitsPendingAndProceedsWhenTheAppAppears() {
        cluster.create(release("late-a", "late", "registry.example/late/web:1"));

        cluster.awaitPhase("late-a", ReleasePhase.Pending);
        assertThat(cluster.release("late-a").getStatus().getConditions()).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo("Reconciling");
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getReason()).isEqualTo("AppNotFound");
            assertThat(c.getMessage()).contains("App late does not exist in namespace shop");
        });
        assertThat(cluster.release("late-a").getStatus().getVersion()).isNull();

        cluster.create(webAndWorker("late", Map.of()));
        cluster.awaitPhase("late-a", ReleasePhase.Active);
        assertThat(cluster.release("late-a").getStatus().getVersion()).isEqualTo(1L);
    }

    @Test
    void deletingTheActiveReleaseKeepsTheWorkloadRunningAndIsReported() {
        cluster.create(webAndWorker("shop", Map.of()));
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.create(release("shop-b", "shop", "registry.example/shop/web:2"));
        cluster.awaitPhase("shop-b", ReleasePhase.Active);

        cluster.client.resource(cluster.release("shop-b")).delete();

        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(cluster.app("shop").getStatus().getConditions())
            .anySatisfy(c -> {
                assertThat(c.getType()).isEqualTo("Ready");
                assertThat(c.getReason()).isEqualTo("ActiveReleaseDeleted");
            }));
        assertThat(image("shop-web")).as("no step back to v1").isEqualTo("registry.example/shop/web:2");

        cluster.create(rollback("back", "shop", "v1"));
        cluster.awaitRollback("back", RequestPhase.Succeeded);
        cluster.awaitPhase("shop-v3", ReleasePhase.Active);
        assertThat(cluster.rollback("back").getStatus().getFrom()).as("from the deleted active release").isEqualTo(2L);
        assertThat(image("shop-web")).isEqualTo("registry.example/shop/web:1");

        cluster.create(release("shop-c", "shop", "registry.example/shop/web:3"));
        cluster.awaitPhase("shop-c", ReleasePhase.Active);
        assertThat(cluster.release("shop-c").getStatus().getVersion()).isEqualTo(4L);
    }

    private void pin(String release) {
        cluster.update(App.class, "shop", app -> app.getSpec().setRelease(release));
    }

    private String image(String deployment) {
        return cluster.deployment(deployment).getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }
}

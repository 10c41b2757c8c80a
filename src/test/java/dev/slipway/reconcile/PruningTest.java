package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.release.Releases;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.ClusterScenario;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PruningTest extends ClusterScenario {

    @BeforeEach
    void appKeepingTwo() {
        App app = webAndWorker("shop", Map.of());
        app.getSpec().setHistoryLimit(2);
        cluster.create(app);
    }

    @Test
    void oldestInactiveReleasesArePrunedAndNumbersAreNeverReused() {
        for (int i = 1; i <= 5; i++) {
            cluster.create(release("shop-" + i, "shop", "registry.example/shop/web:" + i));
            cluster.awaitPhase("shop-" + i, ReleasePhase.Active);
        }

        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(cluster.releasesOf("shop").stream().map(Releases::version))
            .containsExactly(3L, 4L, 5L));
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(cluster.client.v1().events().inNamespace("shop").list().getItems())
            .filteredOn(e -> "Pruned".equals(e.getReason())).hasSize(2));

        cluster.create(release("shop-6", "shop", "registry.example/shop/web:6"));
        cluster.awaitPhase("shop-6", ReleasePhase.Active);
        assertThat(cluster.release("shop-6").getStatus().getVersion()).isEqualTo(6L);
    }

    @Test
    void releasesArgoCdKeepsAreNotPrunedAndTheAppSaysWhereToRemoveThem() {
        for (int i = 1; i <= 5; i++) {
            Release release = release("shop-" + i, "shop", "registry.example/shop/web:" + i);
            release.getMetadata().setAnnotations(Map.of("argocd.argoproj.io/tracking-id", "shop:slipway.dev/Release:shop/shop-" + i));
            cluster.create(release);
            cluster.awaitPhase("shop-" + i, ReleasePhase.Active);
        }

        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(cluster.app("shop").getStatus().getConditions())
            .anySatisfy(c -> {
                assertThat(c.getType() + "=" + c.getStatus() + " " + c.getReason()).isEqualTo("HistoryPruned=False KeptByAnotherTool");
                assertThat(c.getMessage()).startsWith("2 releases are over spec.historyLimit (2) and kept by Argo CD: shop-1, shop-2.");
            }));
        assertThat(cluster.releasesOf("shop")).as("a sync would only create them again").hasSize(5);
        assertThat(cluster.app("shop").getStatus().getConditions()).anySatisfy(c ->
            assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Ready=True"));
    }

    @Test
    void neverPrunesTheActiveReleaseNorNewerOnes() {
        cluster.create(release("shop-1", "shop", "registry.example/shop/web:1"));
        cluster.awaitPhase("shop-1", ReleasePhase.Active);
        cluster.update(App.class, "shop", app -> app.getSpec().setRelease("v1"));
        for (int i = 2; i <= 5; i++) {
            cluster.create(release("shop-" + i, "shop", "registry.example/shop/web:" + i));
            cluster.awaitPhase("shop-" + i, ReleasePhase.Waiting);
        }

        assertThat(cluster.releasesOf("shop")).as("all are the active one or newer").hasSize(5);
    }
}

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
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import java.util.List;
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

    /**
     * As a real API server records them: kubectl's own field manager, with its field set and last-applied
     * annotation, which the operator's cache drops (LeanCache) while keeping who the manager was.
     */
    @Test
    void releasesAppliedWithKubectlAreNotPrunedThoughTheCacheDropsTheirManagedFields() {
        for (int i = 1; i <= 4; i++) {
            Release release = release("shop-" + i, "shop", "registry.example/shop/web:" + i);
            release.getMetadata().setAnnotations(Map.of(LeanCache.LAST_APPLIED, "{\"kind\":\"Release\"}"));
            release.getMetadata().setManagedFields(List.of(new ManagedFieldsEntryBuilder().withManager("kubectl-client-side-apply")
                .withOperation("Update").withApiVersion("slipway.dev/v1alpha1").withFieldsType("FieldsV1")
                .withNewFieldsV1().addToAdditionalProperties("f:spec", Map.of("f:image", Map.of())).endFieldsV1().build()));
            cluster.create(release);
            cluster.awaitPhase("shop-" + i, ReleasePhase.Active);
        }

        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(cluster.app("shop").getStatus().getConditions())
            .anySatisfy(c -> assertThat(c.getReason() + ": " + c.getMessage()).startsWith("KeptByAnotherTool: 1 release is over"
                + " spec.historyLimit (2) and kept by field manager kubectl-client-side-apply: shop-1.")));
        assertThat(cluster.releasesOf("shop")).hasSize(4).allSatisfy(r -> {
            assertThat(r.getMetadata().getManagedFields()).as("still on the server").isNotEmpty();
            assertThat(r.getMetadata().getAnnotations()).as("still on the server").containsKey(LeanCache.LAST_APPLIED);
        });
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

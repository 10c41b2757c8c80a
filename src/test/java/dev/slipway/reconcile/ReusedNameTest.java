package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.App;
import dev.slipway.model.ReleasePhase;
import dev.slipway.release.Releases;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.ClusterScenario;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A GitOps sync (or kubectl apply -f releases/) creates a pruned release again, same name and spec. It used to
 * be numbered as the newest release and roll the App back to that ancient build.
 */
class ReusedNameTest extends ClusterScenario {

    @BeforeEach
    void shopWithFiveReleasesKeepingTwo() {
        App app = webAndWorker("shop", Map.of());
        app.getSpec().setHistoryLimit(2);
        cluster.create(app);
        for (int i = 1; i <= 5; i++) {
            cluster.create(release("shop-" + i, "shop", "registry.example/shop/web:" + i));
            cluster.awaitPhase("shop-" + i, ReleasePhase.Active);
        }
        await().atMost(Cluster.CONVERGENCE).until(() -> cluster.release("shop-1") == null && cluster.release("shop-2") == null);
    }

    @Test
    void aPrunedReleaseCreatedAgainNeverRuns() {
        cluster.create(release("shop-1", "shop", "registry.example/shop/web:1"));

        assertRefusedAsV1();
    }

    @Test
    void aPrunedReleaseCreatedAgainAfterAnOperatorRestartNeverRuns() {
        cluster.restartOperator();
        cluster.create(release("shop-1", "shop", "registry.example/shop/web:1"));

        assertRefusedAsV1();
    }

    private void assertRefusedAsV1() {
        cluster.awaitPhase("shop-1", ReleasePhase.Failed);
        assertThat(cluster.release("shop-1").getStatus().getMessage())
            .startsWith("shop-1 was v1 of App shop and was pruned (historyLimit) at ")
            .contains("a name is numbered once").contains("remove its file from that tool's source");
        assertThat(cluster.release("shop-1").getStatus().getVersion()).isNull();

        cluster.create(release("shop-6", "shop", "registry.example/shop/web:6"));
        cluster.awaitPhase("shop-6", ReleasePhase.Active);
        assertThat(cluster.release("shop-6").getStatus().getVersion()).as("numbering goes on").isEqualTo(6L);
        assertThat(cluster.deployment("shop-web").getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
            .isEqualTo("registry.example/shop/web:6");
        assertThat(cluster.release("shop-1")).as("never deleted again: no fight with the syncing tool").isNotNull();
        assertThat(cluster.release("shop-1").getStatus().getPhase()).isEqualTo(ReleasePhase.Failed);
        assertThat(cluster.releasesOf("shop").stream().filter(Releases::isNumbered).map(Releases::version))
            .as("it does not count against historyLimit").containsExactly(4L, 5L, 6L);
    }
}

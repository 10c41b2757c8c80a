package dev.slipway.operations;

import static dev.slipway.testing.Manifests.promotion;
import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.rollback;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.RequestPhase;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.ClusterScenario;
import dev.slipway.testing.DeploymentController.Outcome;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Argo CD health checks in deploy/argocd, run by Lua on the statuses the operator writes: Healthy when
 * the work is done, Progressing while it is in flight, Degraded when a person must act, Suspended when a
 * release waits for a pin or is staged.
 */
class ArgoCdHealthTest extends ClusterScenario {
    private static final Path APP = Path.of("deploy/argocd/health/app.lua");
    private static final Path RELEASE = Path.of("deploy/argocd/health/release.lua");
    private static final Path ROLLBACK = Path.of("deploy/argocd/health/rollback.lua");
    private static final Path PROMOTION = Path.of("deploy/argocd/health/promotion.lua");
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void luaIsThere() {
        assumeTrue(ArgoCdHealth.available(), "lua5.4 is not installed (apt-get install lua5.4; .ci/run does it): skipping");
    }

    @Test
    void healthFollowsWhatTheOperatorReports() throws Exception {
        cluster.deployments.setOutcome(d -> {
            String image = d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
            return image.endsWith(":broken") ? Outcome.DEADLINE_EXCEEDED : image.endsWith(":slow") ? Outcome.NEVER_AVAILABLE : Outcome.AVAILABLE;
        });
        cluster.create(webAndWorker("shop", Map.of()));
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertHealth(APP, cluster.app("shop"), "Healthy"));
        assertHealth(RELEASE, cluster.release("shop-a"), "Healthy");

        cluster.create(release("shop-b", "shop", "registry.example/shop/web:slow"));
        cluster.awaitPhase("shop-b", ReleasePhase.Deploying);
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertHealth(APP, cluster.app("shop"), "Progressing"));
        assertHealth(RELEASE, cluster.release("shop-b"), "Progressing");

        cluster.update(App.class, "shop", app -> app.getSpec().getRollout().setAutoRollback(false));
        cluster.create(release("shop-c", "shop", "registry.example/shop/web:broken"));
        cluster.awaitPhase("shop-c", ReleasePhase.Failed);
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertHealth(APP, cluster.app("shop"), "Degraded"));
        assertHealth(RELEASE, cluster.release("shop-c"), "Degraded");

        cluster.update(App.class, "shop", app -> app.getSpec().setRelease("v1"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);
        cluster.create(release("shop-d", "shop", "registry.example/shop/web:4"));
        cluster.awaitPhase("shop-d", ReleasePhase.Waiting);
        assertHealth(RELEASE, cluster.release("shop-d"), "Suspended");
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertHealth(APP, cluster.app("shop"), "Healthy"));

        cluster.create(rollback("refused", "shop", "v1"));
        cluster.awaitRollback("refused", RequestPhase.Failed);
        assertHealth(ROLLBACK, cluster.rollback("refused"), "Degraded");
        cluster.update(App.class, "shop", app -> app.getSpec().setRelease(null));
        cluster.create(rollback("done", "shop", "v1"));
        cluster.awaitRollback("done", RequestPhase.Succeeded);
        assertHealth(ROLLBACK, cluster.rollback("done"), "Healthy");

        Release staged = release("shop-staged", "shop", "registry.example/shop/web:6");
        staged.getSpec().setPromote(false);
        cluster.create(staged);
        cluster.awaitPhase("shop-staged", ReleasePhase.Waiting);
        assertHealth(RELEASE, cluster.release("shop-staged"), "Suspended");
        cluster.create(promotion("refused-ship", "shop", "v99"));
        cluster.awaitPromotion("refused-ship", RequestPhase.Failed);
        assertHealth(PROMOTION, cluster.promotion("refused-ship"), "Degraded");
        cluster.create(promotion("ship", "shop", "shop-staged"));
        cluster.awaitPromotion("ship", RequestPhase.Succeeded);
        assertHealth(PROMOTION, cluster.promotion("ship"), "Healthy");
        cluster.awaitPhase("shop-staged", ReleasePhase.Active);
        assertHealth(RELEASE, cluster.release("shop-staged"), "Healthy");

        cluster.create(release("orphan-a", "orphan", "registry.example/orphan/web:1"));
        cluster.awaitPhase("orphan-a", ReleasePhase.Pending);
        assertHealth(RELEASE, cluster.release("orphan-a"), "Progressing");
        cluster.create(webAndWorker("empty", Map.of()));
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertHealth(APP, cluster.app("empty"), "Suspended"));
    }

    private static void assertHealth(Path script, HasMetadata object, String status) throws Exception {
        JsonNode json = JSON.readTree(Serialization.asJson(object));
        ArgoCdHealth.Verdict verdict = ArgoCdHealth.of(script, json);
        assertThat(verdict.status()).as("%s of %s: %s", script.getFileName(), object.getMetadata().getName(), verdict.message())
            .isEqualTo(status);
        assertThat(verdict.message()).isNotBlank();
    }
}

package dev.slipway.operations;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.DeploymentController;
import dev.slipway.testing.Manifests;
import dev.slipway.testing.OperatorProcess;
import dev.slipway.testing.TestApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a real cluster and its users do to the packaged operator, run as its own process: an App written past
 * the schema beside healthy ones, and a GitOps tool putting back a release the operator pruned, each across an
 * operator restart. Both were seen to fail on the packaged operator before (the App informer stopped; the
 * re-created release ran its ancient build).
 */
class RealClusterSafetyIT {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration STOP = Duration.ofSeconds(30);

    private final TestApiServer api = TestApiServer.start();
    private final KubernetesClient client = api.newClient();
    private final DeploymentController deployments = DeploymentController.start(api.newClient());
    private OperatorProcess operator;
    private int starts;

    @AfterEach
    void stop() throws InterruptedException {
        if (operator != null) {
            operator.kill();
        }
        deployments.close();
        api.close();
    }

    @Test
    void anUnreadableAppIsReportedAndTheOthersConvergeBeforeAndAfterARestart() throws Exception {
        startOperator();
        Manifests.createRaw(client, """
            apiVersion: slipway.dev/v1alpha1
            kind: App
            metadata: {name: huge, namespace: shop}
            spec:
              processes:
                web: {replicas: 3000000000}
            """);
        deploy("before", "before-1");
        awaitPhase("before-1", ReleasePhase.Active);
        awaitUnreadable("huge");

        restartOperator();
        deploy("after", "after-1");
        deploy("before", "before-2");
        awaitPhase("after-1", ReleasePhase.Active);
        awaitPhase("before-2", ReleasePhase.Active);
        awaitUnreadable("huge");
    }

    @Test
    void aPrunedReleasePutBackNeverRuns() throws Exception {
        startOperator();
        pruneTheFirstOfFour();

        client.resource(release("shop-1", "shop", "registry.example/shop/web:shop-1")).create();

        assertPutBackReleaseNeverRuns();
    }

    @Test
    void aPrunedReleasePutBackWhileTheOperatorWasDownNeverRuns() throws Exception {
        startOperator();
        pruneTheFirstOfFour();

        assertThat(operator.terminate(STOP)).isPresent();
        client.resource(release("shop-1", "shop", "registry.example/shop/web:shop-1")).create();
        startOperator();

        assertPutBackReleaseNeverRuns();
    }

    /** historyLimit 2 and four deploys: shop-1 (v1) is pruned. */
    private void pruneTheFirstOfFour() {
        App app = webAndWorker("shop", Map.of());
        app.getSpec().setHistoryLimit(2);
        client.resource(app).create();
        for (int i = 1; i <= 4; i++) {
            deploy("shop", "shop-" + i);
            awaitPhase("shop-" + i, ReleasePhase.Active);
        }
        await().atMost(Cluster.CONVERGENCE).until(() -> stored("shop-1") == null);
    }

    private void assertPutBackReleaseNeverRuns() {
        awaitPhase("shop-1", ReleasePhase.Failed);
        assertThat(stored("shop-1").getStatus().getMessage()).startsWith("shop-1 was v1 of App shop and was pruned (historyLimit) at ");
        deploy("shop", "shop-5");
        awaitPhase("shop-5", ReleasePhase.Active);
        assertThat(stored("shop-5").getStatus().getVersion()).isEqualTo(5L);
        assertThat(client.apps().deployments().inNamespace(Manifests.NAMESPACE).withName("shop-web").get()
            .getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("registry.example/shop/web:shop-5");
    }

    private void startOperator() throws Exception {
        operator = OperatorProcess.start(api.url(), Path.of("target", "it", "safety-" + (++starts) + ".log"), Map.of());
        operator.awaitReady(START);
    }

    private void restartOperator() throws Exception {
        assertThat(operator.terminate(STOP)).isPresent();
        startOperator();
    }

    private void deploy(String app, String name) {
        if (client.resources(App.class).inNamespace(Manifests.NAMESPACE).withName(app).get() == null) {
            client.resource(webAndWorker(app, Map.of())).create();
        }
        client.resource(release(name, app, "registry.example/" + app + "/web:" + name)).create();
    }

    private Release stored(String name) {
        return client.resources(Release.class).inNamespace(Manifests.NAMESPACE).withName(name).get();
    }

    private void awaitPhase(String name, ReleasePhase phase) {
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> {
            Release current = stored(name);
            assertThat(current).isNotNull();
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getPhase()).isEqualTo(phase);
        });
    }

    private void awaitUnreadable(String app) {
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(client.resources(App.class)
            .inNamespace(Manifests.NAMESPACE).withName(app).get().getStatus().getConditions())
            .anySatisfy(c -> assertThat(c.getType() + "=" + c.getStatus() + " " + c.getReason() + " " + c.getMessage())
                .startsWith("Stalled=True Unreadable Cannot read App " + app + ": spec.processes.web.replicas")));
    }

}

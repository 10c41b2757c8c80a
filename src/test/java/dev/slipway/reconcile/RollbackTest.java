package dev.slipway.reconcile;

import dev.slipway.metrics.SlipwayMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.rollback;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.App;
import dev.slipway.model.Cause;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.RequestPhase;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.ClusterScenario;
import dev.slipway.testing.OperatorInstance;
import dev.slipway.testing.RequestLog;
import dev.slipway.testing.ServerFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RollbackTest extends ClusterScenario {
    /** The User-Agent of the operator that runs only the Rollback controller, to tell its requests apart. */
    private static final String ROLLBACKS_ONLY = "slipway-rollbacks-only";
    private final ServerFixture<RequestLog> requests = ServerFixture.of(RequestLog::new);

    @Override
    protected Cluster newCluster() {
        return new Cluster(requests);
    }

    @BeforeEach
    void twoReleases() {
        cluster.failRolloutsOfBrokenImages();
        cluster.create(webAndWorker("shop", Map.of("LOG_LEVEL", "info")));
        cluster.create(withConfig(release("shop-a", "shop", "registry.example/shop/web:1"), "A", "1"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);
        cluster.create(withConfig(release("shop-b", "shop", "registry.example/shop/web:2"), "A", "2"));
        cluster.awaitPhase("shop-b", ReleasePhase.Active);
    }

    @Test
    void rollbackCreatesANewReleaseCopyingTheTargetAndRunsIt() {
        cluster.create(rollback("undo", "shop", "v1"));

        cluster.awaitRollback("undo", RequestPhase.Succeeded);
        var status = cluster.rollback("undo").getStatus();
        assertThat(status.getRelease()).isEqualTo("shop-v3");
        assertThat(status.getFrom()).isEqualTo(2L);
        assertThat(status.getTo()).isEqualTo(1L);
        assertThat(status.getMessage()).isEqualTo("Rolled back to v1 as v3");
        cluster.awaitPhase("shop-v3", ReleasePhase.Active);
        Release made = cluster.release("shop-v3");
        assertThat(made.getStatus().getVersion()).isEqualTo(3L);
        assertThat(made.getSpec().getImage()).isEqualTo("registry.example/shop/web:1");
        assertThat(made.getSpec().getConfig()).isEqualTo(Map.of("A", "1"));
        assertThat(made.getSpec().getCause()).isEqualTo(Cause.Rollback);
        assertThat(made.getSpec().getRollbackOf()).isEqualTo(1L);
        assertThat(made.getSpec().getDescription()).isEqualTo("Rollback to v1");
        assertThat(made.getMetadata().getAnnotations()).containsEntry("slipway.dev/rollback", "undo");
        assertThat(cluster.release("shop-a").getStatus().getPhase()).as("history is not rewritten").isEqualTo(ReleasePhase.Superseded);
        assertThat(cluster.rollback("undo").getStatus().getConditions())
            .anySatisfy(c -> assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Ready=True"));
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(cluster.client.v1().events().inNamespace("shop").list().getItems())
            .anySatisfy(e -> assertThat(e.getReason() + " " + e.getInvolvedObject().getName()).isEqualTo("RolledBack undo")));
    }

    @Test
    void aRollbackThatWaitsIsMarkedPendingUntilItIsCarriedOut() {
        cluster.stopOperator();
        try (OperatorInstance rollbacksOnly = OperatorInstance.startOnly(cluster.api.newClient(), new RollbackReconciler(Clock.systemUTC(), new SlipwayMetrics(new SimpleMeterRegistry(), Clock.systemUTC())))) {
            cluster.create(rollback("undo", "shop", "v1"));

            await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> {
                var status = cluster.rollback("undo").getStatus();
                assertThat(status).isNotNull();
                assertThat(status.getPhase()).isEqualTo(RequestPhase.Pending);
                assertThat(status.getMessage()).isEqualTo("Waiting for App shop to carry it out");
                assertThat(status.getConditions()).anySatisfy(c -> assertThat(c.getType() + "=" + c.getStatus() + " " + c.getReason())
                    .isEqualTo("Reconciling=True Waiting"));
            });
        }
        cluster.startOperator();

        cluster.awaitRollback("undo", RequestPhase.Succeeded);
        assertThat(cluster.rollback("undo").getStatus().getMessage()).isEqualTo("Rolled back to v1 as v3");
    }

    @Test
    void theRollbackControllerReadsAppsFromItsCache() {
        cluster.stopOperator();
        try (OperatorInstance rollbacksOnly = startRollbacksOnly()) {
            cluster.create(rollback("undo", "shop", "v1"));
            cluster.awaitRollback("undo", RequestPhase.Pending);
            cluster.update(App.class, "shop", app -> app.getSpec().getConfig().put("LOG_LEVEL", "debug"));
            await().during(java.time.Duration.ofSeconds(1)).atMost(Cluster.CONVERGENCE)
                .until(() -> cluster.rollback("undo").getStatus().getPhase() == RequestPhase.Pending);

            assertThat(appReads("shop")).as("a pass before the Pending mark, the one that writes it; and an App update").isEmpty();
        }
    }

    @Test
    void aWaitingRollbackIsRefusedWhenItsAppIsDeleted() {
        cluster.stopOperator();
        try (OperatorInstance rollbacksOnly = startRollbacksOnly()) {
            cluster.create(rollback("undo", "shop", "v1"));
            cluster.awaitRollback("undo", RequestPhase.Pending);

            cluster.client.resources(App.class).inNamespace("shop").withName("shop").delete();

            cluster.awaitRollback("undo", RequestPhase.Failed);
            assertThat(cluster.rollback("undo").getStatus().getMessage()).isEqualTo("App shop does not exist in namespace shop");
            assertThat(appReads("shop")).as("one read confirms what the cache says before the final refusal").hasSize(1);
        }
    }

    @Test
    void aRollbackOfAMissingAppIsRefusedAfterOneRead() {
        cluster.stopOperator();
        try (OperatorInstance rollbacksOnly = startRollbacksOnly()) {
            cluster.create(rollback("no-app", "nosuch", "v1"));

            cluster.awaitRollback("no-app", RequestPhase.Failed);
            assertThat(appReads("nosuch")).hasSize(1);
        }
    }

    private OperatorInstance startRollbacksOnly() {
        return OperatorInstance.startOnly(cluster.api.newClient(ROLLBACKS_ONLY),
            new RollbackReconciler(Clock.systemUTC(), new SlipwayMetrics(new SimpleMeterRegistry(), Clock.systemUTC())));
    }

    /** GETs of the one App by the Rollback controller; lists and watches (the informer) are not reads of it. */
    private List<RequestLog.Request> appReads(String app) {
        return requests.get().requests().stream()
            .filter(r -> ROLLBACKS_ONLY.equals(r.userAgent()) && r.method().equals("GET")
                && r.path().split("\\?")[0].endsWith("/namespaces/shop/apps/" + app))
            .toList();
    }

    @Test
    void aRollbackCarriedOutAtOnceIsNeverMarkedPending() {
        cluster.create(rollback("undo", "shop", "v1"));
        cluster.awaitRollback("undo", RequestPhase.Succeeded);
        String version = cluster.rollback("undo").getMetadata().getResourceVersion();

        await().during(RequestTriage.PENDING_AFTER.plusSeconds(1)).atMost(RequestTriage.PENDING_AFTER.plusSeconds(5))
            .untilAsserted(() -> assertThat(cluster.rollback("undo").getMetadata().getResourceVersion()).isEqualTo(version));
        assertThat(cluster.rollback("undo").getStatus().getPhase()).isEqualTo(RequestPhase.Succeeded);
    }

    @Test
    void targetCanBeANumberOrAReleaseName() {
        cluster.create(rollback("by-number", "shop", 1));
        cluster.awaitRollback("by-number", RequestPhase.Succeeded);
        cluster.awaitPhase("shop-v3", ReleasePhase.Active);

        cluster.create(rollback("by-name", "shop", "shop-b"));
        cluster.awaitRollback("by-name", RequestPhase.Succeeded);

        assertThat(cluster.rollback("by-number").getStatus().getTo()).isEqualTo(1L);
        assertThat(cluster.rollback("by-name").getStatus().getTo()).isEqualTo(2L);
        assertThat(cluster.rollback("by-name").getStatus().getFrom()).isEqualTo(3L);
        cluster.awaitPhase("shop-v4", ReleasePhase.Active);
        assertThat(cluster.release("shop-v4").getSpec().getImage()).isEqualTo("registry.example/shop/web:2");
    }

    @Test
    void rollbacksRequestedTogetherAreCarriedOutInOrder() {
        cluster.create(rollback("first", "shop", "v1"));
        cluster.create(rollback("second", "shop", "v2"));

        cluster.awaitRollback("first", RequestPhase.Succeeded);
        cluster.awaitRollback("second", RequestPhase.Succeeded);
        assertThat(cluster.rollback("second").getStatus().getFrom()).isEqualTo(3L);
        cluster.awaitPhase(cluster.rollback("second").getStatus().getRelease(), ReleasePhase.Active);
    }

    @Test
    void defaultTargetIsTheNewestEarlierReleaseThatDidNotFail() {
        failedThenGoodRelease();

        cluster.create(rollback("back", "shop", null));

        cluster.awaitRollback("back", RequestPhase.Succeeded);
        assertThat(cluster.rollback("back").getStatus().getTo()).as("v3 failed, so v2").isEqualTo(2L);
    }

    @Test
    void refusalsSayWhatIsWrong() {
        failedThenGoodRelease();

        assertRefused(rollback("no-app", "nosuch", "v1"), "App nosuch does not exist in namespace shop");
        assertRefused(rollback("no-target", "shop", "v99"), "spec.to v99 matches no release of App shop");
        assertRefused(rollback("failed-target", "shop", "v3"), "v3 failed (");
        assertRefused(rollback("active-target", "shop", 4), "v4 is already the active release");

        var forced = rollback("forced", "shop", "v3");
        forced.getSpec().setForce(true);
        cluster.create(forced);
        cluster.awaitRollback("forced", RequestPhase.Succeeded);

        cluster.update(App.class, "shop", app -> app.getSpec().setRelease("v2"));
        assertRefused(rollback("pinned", "shop", "v1"), "App is pinned to v2 by spec.release; change the pin");
        assertThat(cluster.releasesOf("shop")).as("refusals create no release").hasSize(5);
    }

    private void assertRefused(dev.slipway.model.Rollback rollback, String message) {
        cluster.create(rollback);
        String name = rollback.getMetadata().getName();
        cluster.awaitRollback(name, RequestPhase.Failed);
        var status = cluster.rollback(name).getStatus();
        assertThat(status.getMessage()).contains(message);
        assertThat(status.getRelease()).isNull();
        assertThat(status.getConditions()).anySatisfy(c -> assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Stalled=True"));
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(cluster.client.v1().events().inNamespace("shop").list().getItems())
            .anySatisfy(e -> assertThat(e.getReason() + " " + e.getInvolvedObject().getName()).isEqualTo("Refused " + name)));
    }

    /** v3 fails to roll out (no automatic rollback), v4 runs. */
    private void failedThenGoodRelease() {
        autoRollback(false);
        cluster.create(release("shop-c", "shop", "registry.example/shop/web:broken"));
        cluster.awaitPhase("shop-c", ReleasePhase.Failed);
        cluster.create(release("shop-d", "shop", "registry.example/shop/web:4"));
        cluster.awaitPhase("shop-d", ReleasePhase.Active);
    }

    private void autoRollback(boolean on) {
        cluster.update(App.class, "shop", app -> {
            app.getSpec().getRollout().setAutoRollback(on);
        });
    }

    private static Release withConfig(Release release, String name, String value) {
        release.getSpec().setConfig(Map.of(name, value));
        return release;
    }
}

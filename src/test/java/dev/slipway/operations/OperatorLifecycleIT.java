package dev.slipway.operations;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.DeploymentController;
import dev.slipway.testing.Manifests;
import dev.slipway.testing.OperatorProcess;
import dev.slipway.testing.TestApiServer;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged operator as users run it (its own JVM, prod profile, leader election on, as in deploy/) through
 * the lifecycle Kubernetes puts it through. In-process tests stop the operator through its API and never saw
 * that SIGTERM deadlocked it (JOSDK's stop-leading callback calling System.exit inside the JVM's shutdown).
 */
class OperatorLifecycleIT {
    /**
     * The kubelet's default termination grace period: a process still running after it is killed, and its Lease
     * stays held until it expires. The target, a few seconds, is measured by make bench, not asserted here.
     */
    private static final Duration GRACE_PERIOD = Duration.ofSeconds(30);
    /** JOSDK's default lease duration, which a standby would wait out if the Lease were not handed back. */
    private static final Duration LEASE_DURATION = Duration.ofSeconds(15);
    /** Start-up of the packaged operator on a busy two-core machine has been seen near 30 s. */
    private static final Duration START = Duration.ofSeconds(90);
    private static final String LEASE_NAMESPACE = "slipway-system";

    private final TestApiServer api = TestApiServer.start();
    private final KubernetesClient client = api.newClient();
    private final DeploymentController deployments = DeploymentController.start(api.newClient());
    private final List<OperatorProcess> operators = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (OperatorProcess operator : operators) {
            operator.kill();
        }
        deployments.close();
        api.close();
    }

    @Test
    void sigtermStopsTheOperatorAndHandsBackItsLease() throws Exception {
        OperatorProcess operator = start("replica-a");
        operator.awaitReady(START);
        awaitHolder("replica-a");
        deployAndAwaitActive("shop", "shop-1");

        Optional<Duration> stopped = operator.terminate(GRACE_PERIOD);

        assertThat(stopped).as("exited within the grace period after SIGTERM").isPresent();
        System.out.printf("lifecycle: SIGTERM to exit %d ms%n", stopped.get().toMillis());
        assertThat(operator.exitValue()).as("a stop that was asked for and completed").isZero();
        assertThat(lease().getSpec().getHolderIdentity()).as("Lease handed back").isEmpty();
    }

    @Test
    void aStandbyLeadsAsSoonAsTheLeaderStops() throws Exception {
        OperatorProcess first = start("replica-a");
        first.awaitReady(START);
        awaitHolder("replica-a");
        OperatorProcess second = start("replica-b");
        second.awaitReady(START);
        deployAndAwaitActive("shop", "shop-1");

        assertThat(first.terminate(GRACE_PERIOD)).as("the leader exited").isPresent();
        long stopped = System.nanoTime();
        awaitHolder("replica-b");
        Duration handover = Duration.ofNanos(System.nanoTime() - stopped);
        System.out.printf("lifecycle: leader exit to standby leading %d ms%n", handover.toMillis());

        assertThat(handover).as("the standby did not wait for the Lease to expire").isLessThan(LEASE_DURATION);
        deployAndAwaitActive("shop", "shop-2");
    }

    private OperatorProcess start(String replica) throws Exception {
        OperatorProcess operator = OperatorProcess.start(api.url(), Path.of("target", "it", "lifecycle-" + replica + ".log"),
            Map.of(), Map.of("HOSTNAME", replica));
        operators.add(operator);
        return operator;
    }

    private void awaitHolder(String replica) {
        await().atMost(START).untilAsserted(() -> assertThat(lease()).isNotNull()
            .extracting(l -> l.getSpec().getHolderIdentity()).asString().startsWith(replica + "-"));
    }

    private Lease lease() {
        return client.leases().inNamespace(LEASE_NAMESPACE).withName("slipway-operator").get();
    }

    private void deployAndAwaitActive(String app, String name) {
        if (client.resources(dev.slipway.model.App.class).inNamespace(Manifests.NAMESPACE).withName(app).get() == null) {
            client.resource(webAndWorker(app, Map.of())).create();
        }
        client.resource(release(name, app, "registry.example/" + app + "/web:" + name)).create();
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> {
            Release current = client.resources(Release.class).inNamespace(Manifests.NAMESPACE).withName(name).get();
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getPhase()).isEqualTo(ReleasePhase.Active);
        });
    }
}

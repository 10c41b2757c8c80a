package dev.slipway.operations;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.ReleasePhase;
import dev.slipway.testing.DeploymentController;
import dev.slipway.testing.Manifests;
import dev.slipway.testing.OperatorInstance;
import dev.slipway.testing.RequestLog;
import dev.slipway.testing.ServerFixture;
import dev.slipway.testing.TestApiServer;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two replicas with leader election on a Lease: only the leader writes, and killing it hands over. */
class LeaderElectionTest {
    /** Lease of 3 s: a follower takes over at most one lease duration plus a retry period after the leader stops. */
    private static final Duration HANDOVER = Duration.ofSeconds(30);
    private static final String LEASE_NAMESPACE = "slipway-system";

    private final ServerFixture<RequestLog> log = ServerFixture.of(RequestLog::new);
    private TestApiServer api;
    private DeploymentController deployments;
    private OperatorInstance first;
    private OperatorInstance second;

    @AfterEach
    void stop() {
        if (first != null) {
            first.stop();
        }
        if (second != null) {
            second.stop();
        }
        deployments.close();
        api.close();
    }

    @Test
    void onlyTheLeaderWritesAndTheFollowerTakesOverWhenItDies() {
        api = TestApiServer.start(log);
        KubernetesClient client = api.newClient();
        deployments = DeploymentController.start(api.newClient());
        first = OperatorInstance.startReplica(api.newClient("replica-1"), LEASE_NAMESPACE, "replica-1");
        await().atMost(HANDOVER).until(() -> holder(client) != null);
        second = OperatorInstance.startReplica(api.newClient("replica-2"), LEASE_NAMESPACE, "replica-2");
        assertThat(holder(client)).isEqualTo("replica-1");

        client.resource(webAndWorker("shop", Map.of())).create();
        client.resource(release("shop-a", "shop", "registry.example/shop/web:1")).create();
        awaitActive(client, "shop-a");
        // Leases are how replicas compete; access reviews change nothing. Everything else is the operator's work.
        assertThat(log.get().requests())
            .filteredOn(r -> r.isWrite() && !r.path().contains("/leases") && !r.path().contains("/selfsubjectrulesreviews"))
            .as("writes of the follower").noneMatch(r -> "replica-2".equals(r.userAgent()))
            .as("writes of the leader").anyMatch(r -> "replica-1".equals(r.userAgent()));

        first.stop();
        first = null;
        await().atMost(HANDOVER).until(() -> "replica-2".equals(holder(client)));
        client.resource(release("shop-b", "shop", "registry.example/shop/web:2")).create();
        awaitActive(client, "shop-b");
    }

    private static String holder(KubernetesClient client) {
        Lease lease = client.leases().inNamespace(LEASE_NAMESPACE).withName("slipway-operator").get();
        return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
    }

    private static void awaitActive(KubernetesClient client, String release) {
        await().atMost(HANDOVER).until(() -> {
            var r = client.resources(dev.slipway.model.Release.class).inNamespace(Manifests.NAMESPACE).withName(release).get();
            return r != null && r.getStatus() != null && r.getStatus().getPhase() == ReleasePhase.Active;
        });
    }
}

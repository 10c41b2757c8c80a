package dev.slipway.operations;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.runtime.LeaderElection;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.DeploymentController;
import dev.slipway.testing.Manifests;
import dev.slipway.testing.OperatorProcess;
import dev.slipway.testing.ReplicaPaths;
import dev.slipway.testing.RequestLog;
import dev.slipway.testing.TestApiServer;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two packaged operators on one Lease and the leader SIGKILLed (node failure, OOM kill): nothing is handed back,
 * so the standby leads once the Lease expires, and its first pass over Apps that converged under the old leader
 * finds nothing to do. A write there would be a status or workload the two replicas compute differently.
 */
class FailoverIT {
    /** What the operator configures (LeaderElection passes JOSDK's default): the time a dead leader's Lease is held. */
    private static final Duration LEASE = LeaderElection.LEASE_DURATION_DEFAULT_VALUE;
    /** The lease, then the standby's next try (every 1 s plus up to 20 % jitter), with slack for two busy cores. */
    private static final Duration TAKEOVER = LEASE.plusSeconds(2);
    /** Start-up of the packaged operator on a busy two-core machine has been seen near 30 s. */
    private static final Duration START = Duration.ofSeconds(90);
    private static final List<String> APPS = List.of("alpha", "bravo", "charlie");
    private static final List<String> REPLICAS = List.of("replica-a", "replica-b");
    /** JOSDK's line (EventProcessor, DEBUG) for a reconcile of an App that ended without an exception. */
    private static final Pattern RECONCILED = Pattern.compile("\\(ReconcilerExecutor-app-\\d+\\) Event processing finished\\. "
        + "Scope: ExecutionScope\\{resource=ResourceID\\{name='([^']+)'.*runtimeException=null}");
    /** The objects the operator keeps; Leases (leader election) and Events (what it tells people) are not counted. */
    private static final Pattern STATE = Pattern.compile("/namespaces/[^/]+/(apps|releases|rollbacks|deployments|services|configmaps)\\b");

    private final AtomicReference<RequestLog> requests = new AtomicReference<>();
    private final TestApiServer api = TestApiServer.start(server -> {
        requests.set(new RequestLog(server));
        return new ReplicaPaths(requests.get());
    });
    private final KubernetesClient client = api.newClient();
    private final DeploymentController deployments = DeploymentController.start(api.newClient());
    private final Map<String, OperatorProcess> operators = new LinkedHashMap<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (OperatorProcess operator : operators.values()) {
            operator.kill();
        }
        deployments.close();
        api.close();
    }

    @Test
    void theStandbyLeadsWithinTheLeaseAfterASigkillAndItsFirstPassWritesNothing() throws Exception {
        for (String replica : REPLICAS) {
            operators.put(replica, OperatorProcess.start(ReplicaPaths.url(api, replica),
                Path.of("target", "it", "failover-" + replica + ".log"),
                Map.of("quarkus.log.category.\"io.javaoperatorsdk.operator.processing.event.EventProcessor\".level", "DEBUG"),
                Map.of("HOSTNAME", replica)));
        }
        for (OperatorProcess operator : operators.values()) {
            operator.awaitReady(START);
        }
        String leader = await().atMost(START).until(this::holder, h -> h != null);
        String standby = REPLICAS.stream().filter(r -> !r.equals(leader)).findFirst().orElseThrow();
        for (String app : APPS) {
            client.resource(webAndWorker(app, Map.of())).create();
            client.resource(release(app + "-1", app, "registry.example/" + app + "/web:1")).create();
            awaitPhase(app + "-1", ReleasePhase.Active);
            client.resource(release(app + "-2", app, "registry.example/" + app + "/web:2")).create();
        }
        for (String app : APPS) {
            awaitPhase(app + "-2", ReleasePhase.Active);
            awaitPhase(app + "-1", ReleasePhase.Superseded);
            awaitReady(app);
        }

        operators.remove(leader).kill();
        long killed = System.nanoTime();
        await().atMost(TAKEOVER).pollInterval(Duration.ofMillis(50)).until(this::holder, standby::equals);
        Duration handover = Duration.ofNanos(System.nanoTime() - killed);
        OperatorProcess successor = operators.get(standby);
        // Every App has its first reconcile queued at takeover (the standby's informers marked them while it waited).
        await().atMost(Cluster.CONVERGENCE).pollInterval(Duration.ofMillis(50)).until(() -> reconciledApps(successor), Set.copyOf(APPS)::equals);
        Duration firstPass = Duration.ofNanos(System.nanoTime() - killed);
        // A standby does not reconcile, so every write it made is one of its first pass.
        List<RequestLog.Request> writes = requests.get().requests().stream()
            .filter(r -> ReplicaPaths.sentBy(r, standby) && r.isWrite() && STATE.matcher(r.path()).find()).toList();
        System.out.printf("failover: SIGKILL to standby leading %d ms, to every App reconciled %d ms; writes of the first pass: %d%n",
            handover.toMillis(), firstPass.toMillis(), writes.size());

        assertThat(requests.get().requests()).as("the standby's requests are told apart: it took the Lease")
            .anyMatch(r -> ReplicaPaths.sentBy(r, standby) && r.isWrite() && r.path().contains("/leases/slipway-operator"));
        assertThat(writes).as("writes of the new leader's first pass over converged Apps").isEmpty();
    }

    /** The replica holding the Lease (its identity is HOSTNAME and a random suffix), or null. */
    private String holder() {
        Lease lease = client.leases().inNamespace("slipway-system").withName("slipway-operator").get();
        String identity = lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
        return REPLICAS.stream().filter(r -> identity != null && identity.startsWith(r + "-")).findFirst().orElse(null);
    }

    private static Set<String> reconciledApps(OperatorProcess operator) throws IOException {
        return operator.logLines().stream().map(RECONCILED::matcher).filter(Matcher::find).map(m -> m.group(1))
            .collect(Collectors.toSet());
    }

    private void awaitPhase(String name, ReleasePhase phase) {
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> {
            Release current = client.resources(Release.class).inNamespace(Manifests.NAMESPACE).withName(name).get();
            assertThat(current.getStatus()).as("status of %s", name).isNotNull();
            assertThat(current.getStatus().getPhase()).as("phase of %s", name).isEqualTo(phase);
        });
    }

    private void awaitReady(String app) {
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(client.resources(App.class)
            .inNamespace(Manifests.NAMESPACE).withName(app).get().getStatus().getConditions())
            .anySatisfy(c -> assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Ready=True")));
    }
}

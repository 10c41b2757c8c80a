package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.ReleasePhase;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.ClusterScenario;
import dev.slipway.testing.Manifests;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An admission policy denies the Deployment writes of one App (a real API server answers 403 with the
 * webhook's message): the App says so in the server's words, keeps what runs, other Apps go on, and once
 * the policy is lifted the waiting release rolls out under the version it already had.
 */
class RefusedWriteTest extends ClusterScenario {
    private static final String DENIAL = "admission webhook \"images.policy.example\" denied the request: "
        + "images must come from registry.internal";
    private volatile boolean policy;

    @Override
    protected Cluster newCluster() {
        return new Cluster(this::policy);
    }

    private Dispatcher policy(Dispatcher server) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                boolean write = Set.of("POST", "PUT", "PATCH").contains(request.getMethod());
                // The App's Deployments exist before the policy is on, so its refused writes are updates, named in
                // the path (reading the body here would consume it for the server).
                boolean deniedApp = request.getPath().contains("/deployments/denied-");
                if (policy && write && deniedApp) {
                    return new MockResponse().setResponseCode(403).setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\","
                        + "\"status\":\"Failure\",\"reason\":\"Forbidden\",\"code\":403,\"message\":\"" + DENIAL.replace("\"", "\\\"") + "\"}");
                }
                return server.dispatch(request);
            }

            @Override
            public void shutdown() {
                server.shutdown();
            }
        };
    }

    @Test
    void aDeniedDeploymentWriteIsReportedAndRecoversOnceThePolicyIsLifted() {
        cluster.create(webAndWorker("denied", Map.of()));
        cluster.create(webAndWorker("healthy", Map.of()));
        cluster.create(release("denied-1", "denied", "registry.example/denied/web:1"));
        cluster.awaitPhase("denied-1", ReleasePhase.Active);

        policy = true;
        cluster.create(release("denied-2", "denied", "registry.example/denied/web:2"));
        cluster.create(release("healthy-1", "healthy", "registry.example/healthy/web:1"));

        cluster.awaitPhase("healthy-1", ReleasePhase.Active);
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(cluster.app("denied").getStatus().getConditions())
            .anySatisfy(c -> {
                assertThat(c.getType() + "=" + c.getStatus() + " " + c.getReason()).isEqualTo("Stalled=True WriteRefused");
                assertThat(c.getMessage()).contains("refused to write deployments denied-").contains("(403: " + DENIAL + ")");
            }));
        assertThat(cluster.deployment("denied-web").getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
            .as("what runs is kept").isEqualTo("registry.example/denied/web:1");
        await().atMost(Cluster.CONVERGENCE).until(() -> cluster.client.v1().events().inNamespace(Manifests.NAMESPACE).list().getItems()
            .stream().anyMatch(e -> "WriteRefused".equals(e.getReason()) && "denied".equals(e.getInvolvedObject().getName())));

        policy = false;
        cluster.awaitPhase("denied-2", ReleasePhase.Active);
        assertThat(cluster.release("denied-2").getStatus().getVersion()).as("not renumbered").isEqualTo(2L);
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(cluster.app("denied").getStatus().getConditions())
            .anySatisfy(c -> assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Ready=True")));
    }
}

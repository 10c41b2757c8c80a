package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.App;
import dev.slipway.model.ReleasePhase;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.ClusterScenario;
import dev.slipway.testing.Manifests;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An App opts in to env snapshots on an install without the RBAC component: the API server refuses the operator the
 * namespace's Secrets. The App says so at once and how to fix it, other Apps go on, and granting the access is enough.
 */
class EnvSnapshotAccessTest extends ClusterScenario {
    private static final String OPERATOR = "slipway-operator-without-secrets";
    private volatile boolean secretsForbidden = true;

    @Override
    protected Cluster newCluster() {
        return new Cluster(server -> new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (secretsForbidden && request.getPath().contains("/secrets") && OPERATOR.equals(request.getHeader("User-Agent"))) {
                    return new MockResponse().setResponseCode(403).setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":"
                        + "\"Failure\",\"message\":\"secrets is forbidden: User \\\"system:serviceaccount:slipway-system:slipway-operator\\\""
                        + " cannot get resource \\\"secrets\\\" in the namespace \\\"shop\\\"\",\"reason\":\"Forbidden\",\"code\":403}");
                }
                return server.dispatch(request);
            }
        });
    }

    @Test
    void anOptedInAppWithoutAccessSaysHowToGrantItAndGoesOnOnceGranted() {
        cluster.stopOperator();
        cluster.startOperator(OPERATOR);
        cluster.create(new SecretBuilder().withNewMetadata().withName("db").withNamespace(Manifests.NAMESPACE).endMetadata()
            .withData(Map.of("PASSWORD", "b2xk")).build());
        App app = webAndWorker("shop", Map.of("LOG_LEVEL", "info"));
        app.getSpec().setEnvFrom(List.of(new EnvFromSourceBuilder().withNewSecretRef("db", false).build()));
        app.getSpec().setSnapshotEnvFrom(true);
        cluster.create(app);
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.create(webAndWorker("other", Map.of("LOG_LEVEL", "info")));
        cluster.create(release("other-a", "other", "registry.example/shop/web:1"));

        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(stalled("shop"))
            .hasValueSatisfying(c -> {
                assertThat(c.getReason()).isEqualTo(EnvSourceAccess.REASON);
                assertThat(c.getMessage()).contains("Secrets in namespace shop", "deploy/components/env-snapshots",
                    "spec.snapshotEnvFrom: false");
            }));
        cluster.awaitPhase("other-a", ReleasePhase.Active);

        secretsForbidden = false;
        cluster.awaitPhase("shop-a", ReleasePhase.Active);
        assertThat(cluster.release("shop-a").getSpec().getEnvSnapshots()).hasSize(1);
    }

    private Optional<Condition> stalled(String app) {
        App stored = cluster.app(app);
        return stored.getStatus() == null ? Optional.empty() : stored.getStatus().getConditions().stream()
            .filter(c -> "Stalled".equals(c.getType()) && "True".equals(c.getStatus())).findFirst();
    }
}

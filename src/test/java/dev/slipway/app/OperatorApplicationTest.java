package dev.slipway.app;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.testing.Cluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The application as it is packaged: Quarkus, the operator SDK extension and application.properties wire the
 * reconcilers, and a release rolls out against the in-process API server. The reconcile-loop tests run the
 * same reconcilers without Quarkus; this test proves the production wiring does the same.
 */
@QuarkusTest
@QuarkusTestResource(InProcessApiServerResource.class)
class OperatorApplicationTest {

    @Inject
    KubernetesClient client;

    @TestHTTPResource("/q/health/ready")
    URL ready;

    @TestHTTPResource("/q/health/live")
    URL live;

    @TestHTTPResource("/q/metrics")
    URL metrics;

    @Test
    void packagedOperatorRollsOutAReleaseAndReportsHealthy() throws Exception {
        client.resource(webAndWorker("shop", Map.of("LOG_LEVEL", "info"))).create();
        client.resource(release("shop-a", "shop", "registry.example/shop/web:1")).create();

        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> {
            Release release = client.resources(Release.class).inNamespace("shop").withName("shop-a").get();
            assertThat(release.getStatus()).isNotNull();
            assertThat(release.getStatus().getPhase()).isEqualTo(ReleasePhase.Active);
        });
        assertThat(client.apps().deployments().inNamespace("shop").withName("shop-web").get()).isNotNull();

        assertThat(get(ready)).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"status\": \"UP\"");
        });
        assertThat(get(live).statusCode()).isEqualTo(200);

        String prometheus = get(metrics).body();
        assertThat(prometheus)
            .contains("slipway_releases_created_total{cause=\"Deploy\"")
            .contains("slipway_rollout_duration_seconds_bucket")
            .contains("operator_sdk_reconciliations_started_total")
            .as("no per-app or per-release series").doesNotContain("shop-a").doesNotContain("name=\"shop\"");
    }

    private static HttpResponse<String> get(URL url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.toString())).build(),
            HttpResponse.BodyHandlers.ofString());
    }
}

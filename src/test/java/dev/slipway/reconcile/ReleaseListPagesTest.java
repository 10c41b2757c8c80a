package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.ReleasePhase;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.RequestLog;
import dev.slipway.testing.ServerFixture;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator lists releases in pages, so that a restart at scale never holds the whole list as one answer. */
class ReleaseListPagesTest {
    @Test
    void releasesAreListedInPagesAndStillAllCached() {
        ServerFixture<RequestLog> log = ServerFixture.of(RequestLog::new);
        try (Cluster cluster = new Cluster(log)) {
            cluster.create(webAndWorker("shop", Map.of()));
            cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
            cluster.awaitPhase("shop-a", ReleasePhase.Active);
            cluster.restartOperator();
            cluster.create(release("shop-b", "shop", "registry.example/shop/web:2"));
            cluster.awaitPhase("shop-b", ReleasePhase.Active);
            cluster.awaitPhase("shop-a", ReleasePhase.Superseded);

            assertThat(log.get().requests())
                .filteredOn(r -> "GET".equals(r.method()) && r.path().startsWith("/apis/slipway.dev/v1alpha1/releases?")
                    && !r.path().contains("watch=true") && !r.path().contains("labelSelector"))
                .as("the App controller's lists of every release, at start and after the restart")
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(r -> assertThat(r.path()).contains("limit=" + AppEventSources.RELEASE_LIST_PAGE));
        }
    }
}

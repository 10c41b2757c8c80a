package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.ReleasePhase;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.ClusterScenario;
import dev.slipway.testing.FailingWrites;
import dev.slipway.testing.Manifests;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The API server fails the writes of one App's ledger: a server error reaches the App's conditions (Stalled
 * ReconcileError, what failed and what to do) and an Event once the client's own retries are spent, and clears once the
 * writes go through; conflicts are retried without a word. ReconcileErrorsTest covers the other errors.
 */
class ReconcileErrorTest extends ClusterScenario {
    private final FailingWrites ledger = new FailingWrites(path -> path.contains("/configmaps/troubled-slipway-releases"));

    @Override
    protected Cluster newCluster() {
        return new Cluster(ledger::wrap);
    }

    @Test
    void aServerErrorIsReportedAndClearsOnceTheWritesGoThrough() {
        // The client retries a 500 ten times before the reconciler sees it, from 100 ms doubling to 3.2 s by Fabric8's
        // defaults: 19 s of waiting per failed pass. The same ten retries from 10 ms take 2 s.
        cluster.stopOperator();
        cluster.startOperator(cluster.api.newClientRetryingAfter(Duration.ofMillis(10)));
        running();
        ledger.fail(new FailingWrites.Failure(500, "InternalError", "etcdserver: request timed out"));
        cluster.create(release("troubled-2", "troubled", "registry.example/troubled/web:2"));

        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(conditions()).anySatisfy(c -> {
            assertThat(c.getType() + "=" + c.getStatus() + " " + c.getReason()).isEqualTo("Stalled=True ReconcileError");
            assertThat(c.getMessage()).startsWith("The API server answered 500 (InternalError) for configmaps"
                + " troubled-slipway-releases: etcdserver: request timed out, after the client's own retries. What runs is kept")
                .contains("kubectl get --raw /readyz");
        }));
        assertThat(conditions()).anySatisfy(c -> assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Ready=False"));
        await().atMost(Cluster.CONVERGENCE).until(() -> cluster.client.v1().events().inNamespace(Manifests.NAMESPACE).list().getItems()
            .stream().anyMatch(e -> "ReconcileError".equals(e.getReason()) && "troubled".equals(e.getInvolvedObject().getName())));
        assertThat(cluster.release("troubled-2").getStatus()).as("nothing numbered before its claim is stored").isNull();

        ledger.fail(null);
        cluster.awaitPhase("troubled-2", ReleasePhase.Active);
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(conditions())
            .anySatisfy(c -> assertThat(c.getType() + "=" + c.getStatus() + " " + c.getReason()).isEqualTo("Ready=True Active")));
    }

    @Test
    void conflictsAreRetriedWithoutAWord() {
        running();
        ledger.fail(new FailingWrites.Failure(409, "Conflict", "the object has been modified; please apply your changes to the latest version"));
        cluster.create(release("troubled-2", "troubled", "registry.example/troubled/web:2"));

        await().atMost(Cluster.CONVERGENCE).until(() -> ledger.answered() >= ReconcileErrors.REPORTED_AFTER_FAILURES + 1);
        assertThat(conditions()).noneSatisfy(c -> assertThat(c.getReason()).isIn("ReconcileError", "WriteRefused"));

        ledger.fail(null);
        cluster.awaitPhase("troubled-2", ReleasePhase.Active);
        assertThat(cluster.release("troubled-2").getStatus().getVersion()).isEqualTo(2L);
    }

    private void running() {
        cluster.create(webAndWorker("troubled", Map.of()));
        cluster.create(release("troubled-1", "troubled", "registry.example/troubled/web:1"));
        cluster.awaitPhase("troubled-1", ReleasePhase.Active);
    }

    private List<Condition> conditions() {
        var app = cluster.app("troubled");
        return app.getStatus() == null || app.getStatus().getConditions() == null ? List.of() : app.getStatus().getConditions();
    }
}

package dev.slipway.reliability;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.rollback;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.Rollback;
import dev.slipway.model.RollbackPhase;
import dev.slipway.model.Slipway;
import dev.slipway.release.Releases;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.Manifests;
import dev.slipway.testing.OperatorInstance;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas that both believe they lead (a leader paused past its Lease resumes beside its successor) reconcile
 * the same Apps at once, one of them pausing between its decisions and its writes ({@link PausedReplica}), under bursts of deploys and rollbacks. The ledger fence must keep them from giving one
 * version twice or carrying out one Rollback twice: versions stay 1..N without a duplicate, and each Rollback has
 * exactly one release. Each burst's rollbacks go back to v1 (the base release) among the burst's deploys.
 */
class OverlappingLeadersTest {
    private static final List<String> APPS = List.of("alpha", "beta", "gamma");
    private static final int BURSTS = 3;
    private static final int DEPLOYS_PER_BURST = 4;
    private static final int ROLLBACKS_PER_BURST = 2;

    private final AtomicReference<PausedReplica> pauses = new AtomicReference<>();
    private Cluster cluster;
    private OperatorInstance paused;

    @BeforeEach
    void start() {
        cluster = new Cluster(dispatcher -> {
            pauses.set(new PausedReplica(dispatcher));
            return pauses.get();
        });
        paused = OperatorInstance.start(cluster.api.newClient(PausedReplica.USER_AGENT));
    }

    @AfterEach
    void stop() {
        paused.stop();
        cluster.close();
    }

    @Test
    void twoReplicasNeverDuplicateAVersionOrARollback() {
        for (String app : APPS) {
            App spec = webAndWorker(app, Map.of());
            spec.getSpec().setHistoryLimit(1000);
            cluster.create(spec);
            cluster.create(release(app + "-base", app, "registry.example/" + app + ":base"));
        }
        APPS.forEach(app -> cluster.awaitPhase(app + "-base", ReleasePhase.Active));
        for (int burst = 1; burst <= BURSTS; burst++) {
            // Deploys and rollbacks interleaved: a release created while a Rollback is being carried out changes the
            // version the next pass would give the Rollback's release.
            for (int i = 1; i <= DEPLOYS_PER_BURST; i++) {
                for (String app : APPS) {
                    cluster.create(release(app + "-b" + burst + "-" + i, app, "registry.example/" + app + ":" + burst + "." + i));
                    if (i <= ROLLBACKS_PER_BURST) {
                        cluster.create(rollback(app + "-undo" + burst + "-" + i, app, "v1"));
                    }
                }
            }
            await().atMost(Cluster.CONVERGENCE).until(this::settled);
        }

        assertThat(pauses.get().pausedWrites()).as("writes of the paused replica").isPositive();
        for (String app : APPS) {
            List<Release> releases = cluster.releasesOf(app);
            List<Rollback> undos = rollbacksOf(app);
            long succeeded = undos.stream().filter(r -> r.getStatus().getPhase() == RollbackPhase.Succeeded).count();
            // A Rollback decided before the first deploy of its burst was numbered is refused ("v1 is already the
            // active release"); it must then have no release. Most must succeed, or the test proves little.
            assertThat(succeeded).as("succeeded rollbacks of %s", app).isGreaterThanOrEqualTo(undos.size() / 2);
            long expected = 1 + BURSTS * DEPLOYS_PER_BURST + succeeded;
            assertThat(releases.stream().map(Releases::version)).as("versions of %s: %s", app, releases.stream()
                    .map(r -> Releases.version(r) + " " + r.getMetadata().getName() + " " + annotation(r)).toList())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, expected).boxed().toList());
            for (Rollback undo : undos) {
                boolean done = undo.getStatus().getPhase() == RollbackPhase.Succeeded;
                assertThat(releases.stream().filter(r -> undo.getMetadata().getUid().equals(annotation(r))))
                    .as("releases made for %s (%s: %s)", undo.getMetadata().getName(), undo.getStatus().getPhase(),
                        undo.getStatus().getMessage())
                    .hasSize(done ? 1 : 0)
                    .allMatch(r -> r.getMetadata().getName().equals(undo.getStatus().getRelease()));
            }
        }
    }

    private boolean settled() {
        return APPS.stream().allMatch(app -> cluster.releasesOf(app).stream().allMatch(Releases::isNumbered)
            && rollbacksOf(app).stream().allMatch(r -> r.getStatus() != null && r.getStatus().getPhase() != null
                && r.getStatus().getPhase() != RollbackPhase.Pending));
    }

    private List<Rollback> rollbacksOf(String app) {
        return cluster.client.resources(Rollback.class).inNamespace(Manifests.NAMESPACE).list().getItems().stream()
            .filter(r -> app.equals(r.getSpec().getApp())).toList();
    }

    private static String annotation(Release release) {
        return release.getMetadata().getAnnotations() == null ? null
            : release.getMetadata().getAnnotations().get(Slipway.ANNOTATION_ROLLBACK_UID);
    }
}

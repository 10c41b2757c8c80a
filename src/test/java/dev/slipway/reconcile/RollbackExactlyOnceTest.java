package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.rollback;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.RequestPhase;
import dev.slipway.release.Releases;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.OperatorCrash;
import dev.slipway.testing.ServerFixture;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Rollback yields exactly one release, whichever write the operator dies after: for every k, an operator
 * handles the Rollback and dies after its k-th write, a fresh operator takes over, and the result must be the
 * one a crash-free run gives.
 */
class RollbackExactlyOnceTest {
    private final ServerFixture<OperatorCrash> crash = ServerFixture.of(OperatorCrash::new);
    private Cluster cluster;

    @BeforeEach
    void start() {
        cluster = new Cluster(crash);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aCrashAfterAnyWriteNeverYieldsASecondRelease() {
        int writesOfACleanRun = run("clean", Integer.MAX_VALUE);
        assertThat(writesOfACleanRun).as("the scenario writes something to crash after").isGreaterThan(3);

        for (int k = 0; k < writesOfACleanRun; k++) {
            run("crash" + k, k);
        }
    }

    /** Runs one rollback with an operator that dies after {@code writes} writes; returns how many it made. */
    private int run(String app, int writes) {
        cluster.create(webAndWorker(app, Map.of()));
        cluster.create(release(app + "-a", app, "registry.example/web:1"));
        cluster.awaitPhase(app + "-a", ReleasePhase.Active);
        cluster.create(release(app + "-b", app, "registry.example/web:2"));
        cluster.awaitPhase(app + "-b", ReleasePhase.Active);

        cluster.stopOperator();
        cluster.startOperator(crash.get().nextVictim(writes));
        cluster.create(rollback(app + "-undo", app, "v1"));
        await().atMost(Cluster.CONVERGENCE).until(() -> crash.get().dead() || converged(app));
        int done = crash.get().writesDone();
        cluster.stopOperator();
        cluster.startOperator();

        await().atMost(Cluster.CONVERGENCE).until(() -> converged(app));
        List<Release> releases = cluster.releasesOf(app);
        assertThat(releases).as("crash after write %d: one release for the rollback", writes).hasSize(3);
        assertThat(releases.stream().map(Releases::version)).as("crash after write %d", writes)
            .containsExactlyElementsOf(LongStream.rangeClosed(1, 3).boxed().toList());
        assertThat(releases.get(2).getSpec().getRollbackOf()).isEqualTo(1L);
        assertThat(cluster.rollback(app + "-undo").getStatus().getRelease()).isEqualTo(releases.get(2).getMetadata().getName());
        return done;
    }

    private boolean converged(String app) {
        var rollback = cluster.rollback(app + "-undo");
        if (rollback == null || rollback.getStatus() == null || rollback.getStatus().getPhase() != RequestPhase.Succeeded) {
            return false;
        }
        Release made = cluster.release(rollback.getStatus().getRelease());
        return made != null && made.getStatus() != null && made.getStatus().getPhase() == ReleasePhase.Active;
    }
}

package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.promotion;
import static dev.slipway.testing.Manifests.release;
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
 * A Promotion is carried out exactly once, whichever write the operator dies after: for every k, an operator handles
 * the Promotion and dies after its k-th write, a fresh operator takes over, and the result must be the one a
 * crash-free run gives. Both ways: the newest staged release run as it is, and an older one copied.
 */
class PromotionExactlyOnceTest {
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
    void aCrashAfterAnyWriteRunsTheStagedReleaseOnceWithoutANewVersion() {
        int writesOfACleanRun = run("clean", Integer.MAX_VALUE, false);
        assertThat(writesOfACleanRun).as("the scenario writes something to crash after").isGreaterThan(3);
        for (int k = 0; k < writesOfACleanRun; k++) {
            run("crash" + k, k, false);
        }
    }

    @Test
    void aCrashAfterAnyWriteNeverYieldsASecondCopy() {
        int writesOfACleanRun = run("clean", Integer.MAX_VALUE, true);
        assertThat(writesOfACleanRun).as("the scenario writes something to crash after").isGreaterThan(3);
        for (int k = 0; k < writesOfACleanRun; k++) {
            run("crash" + k, k, true);
        }
    }

    /**
     * Promotes staged v2 with an operator that dies after {@code writes} writes; returns how many it made.
     *
     * @param copied a normal v3 is deployed first, so v2 is no longer the newest and is copied as v4
     */
    private int run(String app, int writes, boolean copied) {
        cluster.create(webAndWorker(app, Map.of()));
        cluster.create(release(app + "-a", app, "registry.example/web:1"));
        cluster.awaitPhase(app + "-a", ReleasePhase.Active);
        Release staged = release(app + "-b", app, "registry.example/web:2");
        staged.getSpec().setPromote(false);
        cluster.create(staged);
        cluster.awaitPhase(app + "-b", ReleasePhase.Waiting);
        if (copied) {
            cluster.create(release(app + "-c", app, "registry.example/web:3"));
            cluster.awaitPhase(app + "-c", ReleasePhase.Active);
        }

        cluster.stopOperator();
        cluster.startOperator(crash.get().nextVictim(writes));
        cluster.create(promotion(app + "-ship", app, "v2"));
        await().atMost(Cluster.CONVERGENCE).until(() -> crash.get().dead() || converged(app));
        int done = crash.get().writesDone();
        cluster.stopOperator();
        cluster.startOperator();

        await().atMost(Cluster.CONVERGENCE).until(() -> converged(app));
        List<Release> releases = cluster.releasesOf(app);
        int expected = copied ? 4 : 2;
        assertThat(releases.stream().map(Releases::version)).as("crash after write %d", writes)
            .containsExactlyElementsOf(LongStream.rangeClosed(1, expected).boxed().toList());
        Release running = releases.get(expected - 1);
        assertThat(cluster.promotion(app + "-ship").getStatus().getRelease()).isEqualTo(running.getMetadata().getName());
        if (copied) {
            assertThat(running.getSpec().getRollbackOf()).isEqualTo(2L);
        } else {
            assertThat(running.getStatus().getPromotedBy()).isEqualTo(app + "-ship");
        }
        return done;
    }

    private boolean converged(String app) {
        var promotion = cluster.promotion(app + "-ship");
        if (promotion == null || promotion.getStatus() == null || promotion.getStatus().getPhase() != RequestPhase.Succeeded) {
            return false;
        }
        Release made = cluster.release(promotion.getStatus().getRelease());
        return made != null && made.getStatus() != null && made.getStatus().getPhase() == ReleasePhase.Active;
    }
}

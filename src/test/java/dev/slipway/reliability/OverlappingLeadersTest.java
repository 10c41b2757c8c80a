package dev.slipway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testing.Cluster;
import dev.slipway.testing.OperatorInstance;
import dev.slipway.testing.OverlapBursts;
import dev.slipway.testing.PausedWrites;
import dev.slipway.testing.ServerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas that both believe they lead (a leader paused past its Lease resumes beside its successor) reconcile
 * the same Apps at once, one of them pausing between its decisions and its writes. The ledger fence must keep them
 * from giving one version twice or carrying out one Rollback twice. The previous code failed it both ways: two
 * releases numbered v18, and two releases made for one Rollback. The packaged operator's variant is
 * OverlappingReplicasIT.
 */
class OverlappingLeadersTest {
    private static final String PAUSED = "slipway-operator/paused";

    private final ServerFixture<PausedWrites> pauses = ServerFixture.of(dispatcher -> new PausedWrites(dispatcher, PAUSED::equals));
    private Cluster cluster;
    private OperatorInstance paused;

    @BeforeEach
    void start() {
        cluster = new Cluster(pauses);
        paused = OperatorInstance.start(cluster.api.newClient(PAUSED));
    }

    @AfterEach
    void stop() {
        paused.stop();
        cluster.close();
    }

    /** The previous code failed within three bursts in each of six runs. */
    @Test
    void twoReplicasNeverDuplicateAVersionOrARollback() {
        OverlapBursts bursts = new OverlapBursts(cluster.client, 3);

        bursts.run();

        assertThat(pauses.get().pausedWrites()).as("writes of the paused replica").isPositive();
        bursts.assertNoDuplicates();
    }
}

package dev.slipway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testing.DeploymentController;
import dev.slipway.testing.OperatorProcess;
import dev.slipway.testing.OverlapBursts;
import dev.slipway.testing.PausedWrites;
import dev.slipway.testing.ServerFixture;
import dev.slipway.testing.TestApiServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two packaged operators that both lead at once, as a leader paused past its Lease does when it resumes beside its
 * successor: each holds a Lease of its own name (so both reconcile everything), and every write of either reaches
 * the API server up to {@link PausedWrites#MAX_PAUSE_MS} late. Under bursts of deploys and rollbacks, no version is
 * given twice and no Rollback is carried out twice (the ledger fence, docs/design-decisions.md).
 */
class OverlappingReplicasIT {
    private static final Duration START = Duration.ofSeconds(90);

    private final ServerFixture<PausedWrites> pauses =
        ServerFixture.of(dispatcher -> new PausedWrites(dispatcher, agent -> agent.startsWith("slipway-operator/")));
    private final TestApiServer api = TestApiServer.start(pauses);
    private final DeploymentController deployments = DeploymentController.start(api.newClient());
    private OperatorProcess first;
    private OperatorProcess second;

    @AfterEach
    void stop() throws InterruptedException {
        for (OperatorProcess operator : new OperatorProcess[] {first, second}) {
            if (operator != null) {
                operator.kill();
            }
        }
        deployments.close();
        api.close();
    }

    @Test
    void twoLeadingReplicasNeverDuplicateAVersionOrARollback() throws Exception {
        first = replica("a");
        second = replica("b");
        first.awaitReady(START);
        second.awaitReady(START);
        OverlapBursts bursts = new OverlapBursts(api.newClient(), 1);

        bursts.run();

        assertThat(pauses.get().pausedWrites()).as("paused operator writes").isPositive();
        bursts.assertNoDuplicates();
    }

    private OperatorProcess replica(String name) throws Exception {
        return OperatorProcess.start(api.url(), Path.of("target", "it", "overlap-" + name + ".log"),
            Map.of("slipway.leader-election.lease-name", "slipway-operator-" + name), Map.of("HOSTNAME", "replica-" + name));
    }
}

package dev.slipway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testing.Cluster;
import dev.slipway.testing.OperatorCrash;
import dev.slipway.testing.ServerFixture;
import org.junit.jupiter.api.Test;

/**
 * The operator dies after its k-th write, for every k of the scenario (deploys, config change, rollback); a
 * fresh operator takes over on the same API server, and the app ends exactly as in a crash-free run.
 */
class CrashPointsTest {
    @Test
    void everyCrashPointEndsInTheCrashFreeState() {
        ServerFixture<OperatorCrash> crash = ServerFixture.of(OperatorCrash::new);
        try (Cluster cluster = new Cluster(crash)) {
            cluster.stopOperator();
            cluster.startOperator(crash.get().nextVictim(Integer.MAX_VALUE));
            Scenario clean = new Scenario(cluster, "clean", () -> { }, false);
            clean.run();
            String reference = clean.finalState();
            int writes = crash.get().writesDone();
            assertThat(writes).as("writes of a crash-free run").isGreaterThan(20);

            for (int k = 0; k < writes; k++) {
                // The running operator has converged and is idle: from now on it dies after k more writes.
                crash.get().dieAfter(k);
                Scenario scenario = new Scenario(cluster, "crash" + k, () -> {
                    if (crash.get().dead()) {
                        cluster.stopOperator();
                        cluster.startOperator(crash.get().nextVictim(Integer.MAX_VALUE));
                    }
                }, false);
                scenario.run();
                assertThat(scenario.finalState()).as("crash after write %d of %d", k, writes).isEqualTo(reference);
            }
            System.out.printf("reliability: %d crash points tried; every one ended in the crash-free state%n", writes);
        }
    }
}

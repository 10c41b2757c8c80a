package dev.slipway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testing.Cluster;
import dev.slipway.testing.ServerFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Under conflicts, server errors, throttling, lost responses, dropped watches and slow responses, two apps
 * go through deploys, a config change and a rollback and end exactly where a fault-free run ends: same
 * versions, same releases, same active release, same Deployments, nothing duplicated, no gap.
 */
class FaultInjectionTest {
    private static final String OPERATOR = "slipway-operator-under-faults";
    private static String reference;

    @BeforeAll
    static void faultFreeRun() {
        try (Cluster cluster = new Cluster()) {
            Scenario scenario = new Scenario(cluster, "ref", () -> { }, true);
            scenario.run();
            reference = scenario.finalState();
        }
    }

    @ParameterizedTest
    @EnumSource(FaultInjector.Fault.class)
    void convergesToTheFaultFreeState(FaultInjector.Fault fault) {
        double probability = switch (fault) {
            case THROTTLE, SERVER_ERROR -> 0.1;
            case DROPPED_WATCH -> 0.5;
            default -> 0.25;
        };
        ServerFixture<FaultInjector> injector = ServerFixture.of(dispatcher -> new FaultInjector(dispatcher, OPERATOR, fault, probability));
        try (Cluster cluster = new Cluster(injector)) {
            cluster.stopOperator();
            cluster.startOperator(OPERATOR);
            for (String app : new String[] {"ref", "other"}) {
                Scenario scenario = new Scenario(cluster, app, () -> { }, true);
                scenario.run();
                assertThat(scenario.finalState()).as("%s under %s", app, fault).isEqualTo(reference);
            }
            assertThat(injector.get().injected()).as("faults injected").isPositive();
            System.out.printf("reliability: %s injected %d times; final state equals the fault-free one%n", fault, injector.get().injected());
        }
    }
}

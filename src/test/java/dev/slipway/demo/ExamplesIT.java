package dev.slipway.demo;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.slipway.testing.DeploymentController;
import dev.slipway.testing.OperatorProcess;
import dev.slipway.testing.TestApiServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * examples/ applied in order to the packaged operator, run as its own process with leader election on, as a user
 * would apply them to a cluster: every feature the examples show (deploys, a config and a process change, a rollback,
 * a failed rollout, a staged release and its Promotion, env snapshots with a rotation and a rollback of it) takes the
 * path of the jar that ships, with its Quarkus wiring, not only the in-process operator {@code make demo} runs.
 */
class ExamplesIT {
    /** Start-up of the packaged operator on a busy two-core machine has been seen near 30 s. */
    private static final Duration START = Duration.ofSeconds(90);

    @Test
    void everyExampleConvergesOnThePackagedOperator() throws Exception {
        try (TestApiServer api = TestApiServer.start();
             DeploymentController kubelet = Demo.kubelet(api);
             OperatorProcess operator = OperatorProcess.start(api.url(), Path.of("target", "it", "examples.log"), Map.of())) {
            operator.awaitReady(START);

            assertThatCode(() -> new Demo(api.newClient()).run(Path.of("examples"))).doesNotThrowAnyException();
        }
    }
}

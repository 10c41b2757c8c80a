package dev.slipway.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.Slipway;
import dev.slipway.testing.OperatorProcess;
import dev.slipway.testing.TestApiServer;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An informer that meets an object it cannot read stops for good (Fabric8 retries every other failure). The packaged
 * operator must not go on leading with that frozen cache: it exits with 1 and hands its Lease back, so that Kubernetes
 * restarts it and a standby leads at once. A real API server only serves objects its schema accepts; the in-process
 * one stores any JSON, which is how an object no client model can read (a version skew, a sloppy aggregated API)
 * is imitated here.
 */
class LostInformerIT {
    /** Start-up of the packaged operator on a busy two-core machine has been seen near 30 s. */
    private static final Duration START = Duration.ofSeconds(90);
    /** SIGTERM to exit is a few seconds (make bench); an exit that it asks for itself takes the same path. */
    private static final Duration EXIT = Duration.ofSeconds(30);
    private static final String UNREADABLE_DEPLOYMENT = "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{"
        + "\"name\":\"odd\",\"namespace\":\"shop\",\"labels\":{\"" + Slipway.LABEL_MANAGED_BY + "\":\"" + Slipway.MANAGED_BY + "\"}},"
        + "\"spec\":{\"replicas\":\"many\"}}";

    private final TestApiServer api = TestApiServer.start();
    private final KubernetesClient client = api.newClient();
    private OperatorProcess operator;

    @AfterEach
    void stop() throws InterruptedException {
        if (operator != null) {
            operator.kill();
        }
        api.close();
    }

    @Test
    void anInformerThatCannotReadAnObjectEndsTheProcessAndHandsBackTheLease() throws Exception {
        operator = OperatorProcess.start(api.url(), Path.of("target", "it", "lost-informer.log"), Map.of(), Map.of("HOSTNAME", "replica-a"));
        operator.awaitReady(START);
        await().atMost(START).until(() -> lease() != null && lease().getSpec().getHolderIdentity().startsWith("replica-a-"));

        client.raw(api.url() + "apis/apps/v1/namespaces/shop/deployments", "POST", UNREADABLE_DEPLOYMENT);

        assertThat(operator.awaitExit(EXIT)).as("the operator exited by itself").isTrue();
        assertThat(operator.exitValue()).as("an exit Kubernetes restarts the container for").isEqualTo(1);
        assertThat(lease().getSpec().getHolderIdentity()).as("Lease handed back").isEmpty();
        assertThat(operator.logLines()).anySatisfy(line -> assertThat(line)
            .contains("The watch of deployments.apps stopped and cannot resume", "field spec.replicas"));
    }

    private Lease lease() {
        return client.leases().inNamespace("slipway-system").withName("slipway-operator").get();
    }
}

package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.ClusterScenario;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bad input the schema cannot judge (or a server did not check) is reported by the operator, and one broken
 * app never holds up the others: its invalid releases, its failing rollout and its missing Secret stay its own
 * problem. (Config over the 128 KiB limit is covered by ReleaseValidatorTest: the mock server's watch stops
 * delivering events after an update event larger than 64 KiB, so such objects cannot be tested end to end here.)
 */
class BrokenAppIsolationTest extends ClusterScenario {

    @Test
    void aBrokenAppIsReportedWhileTheOthersKeepDeploying() {
        cluster.failRolloutsOfBrokenImages();
        cluster.create(webAndWorker("broken", Map.of()));
        cluster.create(webAndWorker("healthy", Map.of()));
        cluster.create(release("broken-a", "broken", "registry.example/broken/web:1"));
        cluster.awaitPhase("broken-a", ReleasePhase.Active);

        cluster.create(release("broken-bad-image", "broken", "registry.example/Broken:!!"));
        Release badConfig = release("broken-config", "broken", "registry.example/broken/web:2");
        badConfig.getSpec().setConfig(Map.of("9LIVES", "x", "SLIPWAY_APP", "y"));
        cluster.create(badConfig);
        Release missingSecret = release("broken-secret", "broken", "registry.example/broken/web:3");
        missingSecret.getSpec().setEnvFrom(List.of(new EnvFromSourceBuilder().withNewSecretRef("no-such-secret", false).build()));
        cluster.create(missingSecret);
        for (int i = 1; i <= 3; i++) {
            cluster.create(release("healthy-" + i, "healthy", "registry.example/healthy/web:" + i));
            cluster.awaitPhase("healthy-" + i, ReleasePhase.Active);
        }

        cluster.awaitPhase("broken-bad-image", ReleasePhase.Failed);
        assertThat(cluster.release("broken-bad-image").getStatus().getMessage()).contains("is not a valid image reference");
        cluster.awaitPhase("broken-config", ReleasePhase.Failed);
        assertThat(cluster.release("broken-config").getStatus().getMessage())
            .contains("'9LIVES' is not a valid name").contains("'SLIPWAY_APP': config var names starting with SLIPWAY_ are reserved");
        cluster.awaitPhase("broken-secret", ReleasePhase.Failed);
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(cluster.releasesOf("broken"))
            .anySatisfy(r -> {
                assertThat(r.getSpec().getCause()).isEqualTo(dev.slipway.model.Cause.AutoRollback);
                assertThat(r.getStatus().getPhase()).isEqualTo(ReleasePhase.Active);
            }));
    }

    @Test
    void anInvalidAppWrittenPastTheSchemaIsStalledAndOthersAreUnaffected() {
        cluster.create(webAndWorker("healthy", Map.of()));
        App bad = webAndWorker("bad", Map.of());
        bad.getSpec().getProcesses().get("web").setReplicas(-1);
        bad.getSpec().getProcesses().get("web").setPort(70000);
        cluster.create(bad);
        cluster.create(release("bad-a", "bad", "registry.example/bad/web:1"));
        cluster.create(release("healthy-a", "healthy", "registry.example/healthy/web:1"));

        cluster.awaitPhase("healthy-a", ReleasePhase.Active);
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(cluster.app("bad").getStatus().getConditions())
            .anySatisfy(c -> {
                assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Stalled=True");
                assertThat(c.getMessage()).contains("spec.processes.web.replicas is -1; it must be 0 or more")
                    .contains("spec.processes.web.port is 70000; it must be between 1 and 65535");
            }));
        assertThat(cluster.deployment("bad-web")).as("nothing is deployed for an invalid App").isNull();
    }
}

package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.ReleasePhase;
import dev.slipway.testing.Manifests;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `releases info` and `config` of an App with snapshotEnvFrom: which keys come from which object, never a value. */
class EnvSnapshotCommandsTest extends CliScenario {

    @Test
    void releaseInfoAndConfigNameTheSourcesAndKeysOfTheSnapshots() {
        cluster.create(new SecretBuilder().withNewMetadata().withName("db-credentials").withNamespace(Manifests.NAMESPACE).endMetadata()
            .withData(Map.of("PASSWORD", "c2VjcmV0LXZhbHVl", "USER", "c2hvcA==")).build());
        var app = Manifests.webAndWorker("shop", Map.of("LOG_LEVEL", "info"));
        app.getSpec().setEnvFrom(List.of(new EnvFromSourceBuilder().withNewSecretRef("db-credentials", false).build()));
        app.getSpec().setSnapshotEnvFrom(true);
        cluster.create(app);
        cluster.create(Manifests.release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);
        String snapshot = cluster.release("shop-a").getSpec().getEnvSnapshots().get(0).getName();

        Run info = slipway("releases", "info", "v1", "-a", "shop");
        assertThat(info.exit()).isZero();
        assertThat(info.out()).containsPattern("Env from:\\s+Secret db-credentials \\(snapshot " + snapshot + "\\): PASSWORD, USER")
            .doesNotContain("c2VjcmV0LXZhbHVl").doesNotContain("secret-value");

        Run config = slipway("config", "-a", "shop");
        assertThat(config.exit()).isZero();
        assertThat(config.out()).contains("=== env from v1 (names only)")
            .contains("Secret db-credentials (snapshot " + snapshot + "): PASSWORD, USER").doesNotContain("secret-value");
    }
}

package dev.slipway.reliability;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.rollback;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.App;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.RequestPhase;
import dev.slipway.testing.AdmissionDenial;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.OperatorLogs;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Config values and Secret contents never reach logs (at any level of the operator's loggers), Events,
 * statuses or metrics: the scenarios run with sentinel values, and everything the operator emits is scanned.
 */
class SecretsTest {
    private static final String CONFIG_SENTINEL = "sentinel-config-91c2";
    private static final String SECRET_SENTINEL = "sentinel-secret-77ad";
    /** In the Secret and ConfigMap an App with snapshotEnvFrom copies, and in their rotated data. */
    private static final String SNAPSHOT_SENTINEL = "sentinel-snapshot-3e0b";
    private static final String MAP_SENTINEL = "sentinel-configmap-c81f";
    /** A config value an admission webhook quotes when it refuses the Deployment that carries it. */
    private static final String QUOTED_SENTINEL = "sentinel-quoted-5d27";

    @Test
    void sentinelsAppearOnlyInSpecsAndWorkloads() {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (OperatorLogs captured = OperatorLogs.capture(); Cluster cluster = new Cluster(metrics)) {
            cluster.create(new SecretBuilder().withNewMetadata().withName("shop-secrets").withNamespace("shop").endMetadata()
                .withStringData(Map.of("API_TOKEN", SECRET_SENTINEL)).build());
            App app = webAndWorker("shop", Map.of("PASSWORD", CONFIG_SENTINEL));
            app.getSpec().setEnvFrom(List.of(new EnvFromSourceBuilder().withNewSecretRef("shop-secrets", false).build()));
            cluster.create(app);
            cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
            cluster.awaitPhase("shop-a", ReleasePhase.Active);
            cluster.update(App.class, "shop", a -> a.getSpec().getConfig().put("PASSWORD", CONFIG_SENTINEL + "-rotated"));
            cluster.awaitPhase("shop-v2", ReleasePhase.Active);
            var badName = release("shop-bad", "shop", "registry.example/shop/web:2");
            badName.getSpec().setConfig(Map.of("9BAD", CONFIG_SENTINEL));
            cluster.create(badName);
            cluster.awaitPhase("shop-bad", ReleasePhase.Failed);
            cluster.create(rollback("undo", "shop", "v1"));
            cluster.awaitRollback("undo", RequestPhase.Succeeded);
            // Events leave in order in the background: once the rollback's own has arrived, all before it have.
            await().atMost(Cluster.CONVERGENCE).until(() -> cluster.client.v1().events().inNamespace("shop").list().getItems()
                .stream().anyMatch(e -> "RolledBack".equals(e.getReason()) && "undo".equals(e.getInvolvedObject().getName())));

            snapshotScenario(cluster);

            String statuses = Serialization.asJson(cluster.client.resources(App.class).inNamespace("shop").list().getItems()
                    .stream().map(App::getStatus).toList())
                + Serialization.asJson(cluster.releasesOf("shop").stream().map(r -> r.getStatus()).toList())
                + Serialization.asJson(cluster.rollback("undo").getStatus())
                + Serialization.asJson(cluster.releasesOf("vault").stream().map(r -> r.getStatus()).toList());
            String vaultSpecs = Serialization.asJson(cluster.releasesOf("vault").stream().map(r -> r.getSpec()).toList());
            String events = Serialization.asJson(cluster.client.v1().events().inNamespace("shop").list().getItems());
            String meters = metrics.getMetersAsString();
            List<String> logs = captured.lines();
            assertThat(logs).as("log lines").isNotEmpty();
            for (String sentinel : List.of(CONFIG_SENTINEL, SECRET_SENTINEL, SNAPSHOT_SENTINEL, base64(SNAPSHOT_SENTINEL), MAP_SENTINEL,
                SNAPSHOT_SENTINEL + "-rotated", base64(SNAPSHOT_SENTINEL + "-rotated"))) {
                assertThat(vaultSpecs).as("release specs of the snapshotting App").doesNotContain(sentinel);
                assertThat(logs).as("logs").noneMatch(line -> line.contains(sentinel));
                assertThat(statuses).as("statuses").doesNotContain(sentinel);
                assertThat(events).as("events").doesNotContain(sentinel);
                assertThat(meters).as("metrics").doesNotContain(sentinel);
            }
            System.out.printf("reliability: %d log lines (all levels), %d bytes of events and statuses scanned; no sentinel%n",
                logs.size(), events.length() + statuses.length());
        }
    }

    /** An App with snapshotEnvFrom: releases copy a Secret and a ConfigMap; the Secret is rotated, then rolled back. */
    private static void snapshotScenario(Cluster cluster) {
        cluster.create(new SecretBuilder().withNewMetadata().withName("vault-db").withNamespace("shop").endMetadata()
            .withData(Map.of("PASSWORD", base64(SNAPSHOT_SENTINEL))).build());
        cluster.create(new ConfigMapBuilder().withNewMetadata().withName("vault-settings").withNamespace("shop").endMetadata()
            .withData(Map.of("MODE", MAP_SENTINEL)).build());
        App app = webAndWorker("vault", Map.of());
        app.getSpec().setEnvFrom(List.of(new EnvFromSourceBuilder().withNewSecretRef("vault-db", false).build(),
            new EnvFromSourceBuilder().withNewConfigMapRef("vault-settings", false).build()));
        app.getSpec().setSnapshotEnvFrom(true);
        cluster.create(app);
        cluster.create(release("vault-a", "vault", "registry.example/vault/web:1"));
        cluster.awaitPhase("vault-a", ReleasePhase.Active);
        cluster.update(Secret.class, "vault-db", s -> s.setData(Map.of("PASSWORD", base64(SNAPSHOT_SENTINEL + "-rotated"))));
        cluster.awaitPhase("vault-v2", ReleasePhase.Active);
        cluster.create(rollback("vault-undo", "vault", "v1"));
        cluster.awaitRollback("vault-undo", RequestPhase.Succeeded);
        await().atMost(Cluster.CONVERGENCE).until(() -> cluster.client.v1().events().inNamespace("shop").list().getItems()
            .stream().anyMatch(e -> "RolledBack".equals(e.getReason()) && "vault-undo".equals(e.getInvolvedObject().getName())));
    }

    /**
     * An API server may quote a config value in a refusal (a webhook naming the value it rejects). JOSDK logs every failed
     * pass with its exception; the log and the App's status must hold the value no more than anything else does.
     */
    @Test
    void aConfigValueTheServerQuotesIsHiddenInLogsAndStatus() {
        AdmissionDenial webhook = new AdmissionDenial("secrets.policy.example",
            "env PASSWORD=" + QUOTED_SENTINEL + " looks like a plain-text credential", path -> path.contains("/deployments"));
        webhook.enforce(true);
        try (OperatorLogs captured = OperatorLogs.capture(); Cluster cluster = new Cluster(webhook::wrap)) {
            cluster.create(webAndWorker("shop", Map.of("PASSWORD", QUOTED_SENTINEL)));
            cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
            await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(cluster.app("shop").getStatus()).isNotNull()
                .satisfies(status -> assertThat(status.getConditions()).anySatisfy(c -> assertThat(c.getReason()).isEqualTo("WriteRefused"))));
            await().atMost(Cluster.CONVERGENCE).until(() -> captured.lines().stream()
                .anyMatch(line -> line.contains("secrets.policy.example") && line.startsWith("WARN")));

            String status = Serialization.asJson(cluster.app("shop").getStatus());
            assertThat(status).contains("env PASSWORD=<config value>").doesNotContain(QUOTED_SENTINEL);
            assertThat(captured.lines()).as("logs").noneMatch(line -> line.contains(QUOTED_SENTINEL))
                .anyMatch(line -> line.contains("env PASSWORD=<config value> looks like a plain-text credential"));
        }
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}

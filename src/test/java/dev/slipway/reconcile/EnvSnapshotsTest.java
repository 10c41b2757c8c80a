package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.promotion;
import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.rollback;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.App;
import dev.slipway.model.Cause;
import dev.slipway.model.EnvSnapshot;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.RequestPhase;
import dev.slipway.model.Slipway;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.ClusterScenario;
import dev.slipway.testing.GarbageCollector;
import dev.slipway.testing.Manifests;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** App.spec.snapshotEnvFrom: releases run on immutable copies of their Secrets and ConfigMaps, against the in-process API server. */
class EnvSnapshotsTest extends ClusterScenario {

    @Test
    void aRotatedSecretIsANewReleaseThatRestartsThePods() {
        secret("db-credentials", Map.of("USER", "shop", "PASSWORD", "old"));
        optedIn("shop", secretRef("db-credentials", false));
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);
        String before = envFromName(cluster.deployment("shop-web"));
        assertThat(before).as("the Deployment reads the snapshot, not the live Secret").isNotEqualTo("db-credentials");
        Secret first = snapshot(before);
        assertThat(first.getImmutable()).isTrue();
        assertThat(values(first)).containsEntry("PASSWORD", "old");
        assertThat(first.getMetadata().getOwnerReferences()).extracting(o -> o.getName()).containsExactly("shop-a");

        cluster.update(Secret.class, "db-credentials", s -> s.setData(encoded(Map.of("USER", "shop", "PASSWORD", "new"))));

        cluster.awaitPhase("shop-v2", ReleasePhase.Active);
        Release rotated = cluster.release("shop-v2");
        assertThat(rotated.getSpec().getCause()).isEqualTo(Cause.Config);
        assertThat(rotated.getSpec().getDescription()).isEqualTo("Rotate Secret db-credentials: PASSWORD");
        assertThat(rotated.getSpec().getImage()).isEqualTo("registry.example/shop/web:1");
        String after = envFromName(cluster.deployment("shop-web"));
        assertThat(after).isNotEqualTo(before);
        assertThat(values(snapshot(after))).containsEntry("PASSWORD", "new");
        assertThat(cluster.deployment("shop-web").getSpec().getTemplate().getMetadata().getLabels())
            .as("the pod template changed: the pods restart").containsEntry(Slipway.LABEL_VERSION, "2");
        assertThat(cluster.releasesOf("shop")).hasSize(2);
    }

    @Test
    void threeSecretsChangedInOneBurstMakeOneRelease() {
        for (String name : List.of("a", "b", "c")) {
            secret(name, Map.of("TOKEN_" + name.toUpperCase(), "1"));
        }
        optedIn("shop", secretRef("a", false), secretRef("b", false), secretRef("c", false));
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);

        for (String name : List.of("a", "b", "c")) {
            cluster.update(Secret.class, name, s -> s.setData(encoded(Map.of("TOKEN_" + name.toUpperCase(), "2"))));
        }

        cluster.awaitPhase("shop-v2", ReleasePhase.Active);
        assertThat(cluster.release("shop-v2").getSpec().getDescription())
            .isEqualTo("Rotate Secret a: TOKEN_A; Secret b: TOKEN_B; Secret c: TOKEN_C");
        // A second release for the same burst would come once the sources were quiet again.
        await().pollDelay(EnvSources.QUIET.multipliedBy(2)).atMost(Cluster.CONVERGENCE)
            .untilAsserted(() -> assertThat(cluster.releasesOf("shop")).hasSize(2));
    }

    @Test
    void aRollbackRunsTheSnapshotOfItsTargetAgain() {
        String old = snapshotThenRotated();

        cluster.create(rollback("undo", "shop", "v1"));
        cluster.awaitRollback("undo", RequestPhase.Succeeded);
        cluster.awaitPhase("shop-v3", ReleasePhase.Active);

        assertThat(envFromName(cluster.deployment("shop-web"))).as("no second copy: v1's own snapshot").isEqualTo(old);
        assertThat(values(snapshot(old))).containsEntry("PASSWORD", "old");
        assertThat(snapshot(old).getMetadata().getOwnerReferences()).extracting(o -> o.getName())
            .containsExactlyInAnyOrder("shop-a", "shop-v3");
        assertThat(cluster.release("shop-v3").getSpec().getEnvSnapshots()).extracting(EnvSnapshot::getName).containsExactly(old);
        assertThat(snapshots()).hasSize(2);
        // The live Secret still holds "new": the rollback is not undone as a rotation.
        await().pollDelay(EnvSources.QUIET.multipliedBy(2)).atMost(Cluster.CONVERGENCE)
            .untilAsserted(() -> assertThat(cluster.releasesOf("shop")).hasSize(3));
    }

    @Test
    void aPromotedCopyRunsTheSnapshotOfItsTargetToo() {
        String old = snapshotThenRotated();

        cluster.create(promotion("bring-back", "shop", "v1"));
        cluster.awaitPromotion("bring-back", RequestPhase.Succeeded);
        cluster.awaitPhase("shop-v3", ReleasePhase.Active);

        assertThat(cluster.release("shop-v3").getSpec().getCause()).isEqualTo(Cause.Promote);
        assertThat(envFromName(cluster.deployment("shop-web"))).as("no second copy: v1's own snapshot").isEqualTo(old);
        assertThat(snapshot(old).getMetadata().getOwnerReferences()).extracting(o -> o.getName())
            .containsExactlyInAnyOrder("shop-a", "shop-v3");
    }

    @Test
    void pruningDeletesSnapshotsNoKeptReleaseUsesAndKeepsSharedOnes() {
        secret("db-credentials", Map.of("PASSWORD", "1"));
        optedIn("shop", secretRef("db-credentials", false));
        cluster.update(App.class, "shop", a -> a.getSpec().setHistoryLimit(1));
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);
        String shared = envFromName(cluster.deployment("shop-web"));
        cluster.create(release("shop-b", "shop", "registry.example/shop/web:2"));
        cluster.awaitPhase("shop-b", ReleasePhase.Active);
        assertThat(envFromName(cluster.deployment("shop-web"))).as("same content, same snapshot").isEqualTo(shared);
        cluster.update(Secret.class, "db-credentials", s -> s.setData(encoded(Map.of("PASSWORD", "2"))));
        cluster.awaitPhase("shop-v3", ReleasePhase.Active);
        String rotated = envFromName(cluster.deployment("shop-web"));
        cluster.update(Secret.class, "db-credentials", s -> s.setData(encoded(Map.of("PASSWORD", "3"))));
        cluster.awaitPhase("shop-v4", ReleasePhase.Active);
        assertThat(cluster.release("shop-v4").getSpec().getDescription()).isEqualTo("Rotate Secret db-credentials: PASSWORD");

        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(cluster.releasesOf("shop"))
            .extracting(r -> r.getMetadata().getName()).containsExactly("shop-v3", "shop-v4"));
        assertThat(GarbageCollector.sweep(cluster.client, Manifests.NAMESPACE)).containsExactly("Secret/" + shared);
        assertThat(snapshots()).containsExactlyInAnyOrder(rotated, envFromName(cluster.deployment("shop-web")));
        assertThat(cluster.client.secrets().inNamespace(Manifests.NAMESPACE).withName("db-credentials").get())
            .as("the source is never touched").isNotNull();
    }

    @Test
    void aMissingSourceFailsTheReleaseWithNothingMadeAndAMissingOptionalOneIsSkipped() {
        cluster.create(new ConfigMapBuilder().withNewMetadata().withName("settings").withNamespace(Manifests.NAMESPACE).endMetadata()
            .withData(Map.of("MODE", "fast")).build());
        optedIn("shop", new EnvFromSourceBuilder().withNewConfigMapRef("settings", false).build(), secretRef("db-credentials", false),
            secretRef("extras", true));
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));

        cluster.awaitPhase("shop-a", ReleasePhase.Failed);
        assertThat(cluster.release("shop-a").getStatus().getMessage()).isEqualTo("Invalid: Secret db-credentials, which envFrom"
            + " names, does not exist: create it, or mark the envFrom entry optional: true; then deploy again (this release stays Failed)");
        assertThat(cluster.client.configMaps().inNamespace(Manifests.NAMESPACE).withLabel(Slipway.LABEL_ENV_SNAPSHOT).list().getItems())
            .as("nothing half-made").isEmpty();
        assertThat(cluster.deployment("shop-web")).isNull();

        secret("db-credentials", Map.of("PASSWORD", "x"));
        cluster.create(release("shop-b", "shop", "registry.example/shop/web:1"));
        cluster.awaitPhase("shop-b", ReleasePhase.Active);
        assertThat(cluster.release("shop-a").getStatus().getPhase()).as("stays Failed").isEqualTo(ReleasePhase.Failed);
        List<EnvFromSource> envFrom = cluster.deployment("shop-web").getSpec().getTemplate().getSpec().getContainers().get(0).getEnvFrom();
        assertThat(envFrom).as("the missing optional Secret is skipped").hasSize(2);
        assertThat(envFrom.get(0).getConfigMapRef().getName()).startsWith("shop-settings-");
        assertThat(envFrom.get(1).getSecretRef().getName()).startsWith("shop-db-credentials-");
        assertThat(cluster.release("shop-b").getSpec().getEnvSnapshots()).extracting(s -> s.getKind() + "/" + s.getSource() + " " + s.getKeys())
            .containsExactly("ConfigMap/settings [MODE]", "Secret/db-credentials [PASSWORD]");
    }

    /** v1 runs on a copy of db-credentials holding "old"; the Secret then holds "new", which v2 runs. Returns v1's copy. */
    private String snapshotThenRotated() {
        secret("db-credentials", Map.of("PASSWORD", "old"));
        optedIn("shop", secretRef("db-credentials", false));
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);
        String old = envFromName(cluster.deployment("shop-web"));
        cluster.update(Secret.class, "db-credentials", s -> s.setData(encoded(Map.of("PASSWORD", "new"))));
        cluster.awaitPhase("shop-v2", ReleasePhase.Active);
        return old;
    }

    private App optedIn(String name, EnvFromSource... envFrom) {
        App app = webAndWorker(name, Map.of("LOG_LEVEL", "info"));
        app.getSpec().setEnvFrom(List.of(envFrom));
        app.getSpec().setSnapshotEnvFrom(true);
        return cluster.create(app);
    }

    static EnvFromSource secretRef(String name, boolean optional) {
        return new EnvFromSourceBuilder().withNewSecretRef(name, optional).build();
    }

    private void secret(String name, Map<String, String> values) {
        cluster.create(new SecretBuilder().withNewMetadata().withName(name).withNamespace(Manifests.NAMESPACE).endMetadata()
            .withData(encoded(values)).build());
    }

    private Secret snapshot(String name) {
        return cluster.client.secrets().inNamespace(Manifests.NAMESPACE).withName(name).get();
    }

    private List<String> snapshots() {
        return cluster.client.secrets().inNamespace(Manifests.NAMESPACE).withLabel(Slipway.LABEL_ENV_SNAPSHOT).list().getItems()
            .stream().map(s -> s.getMetadata().getName()).toList();
    }

    static String envFromName(io.fabric8.kubernetes.api.model.apps.Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnvFrom().get(0).getSecretRef().getName();
    }

    static Map<String, String> encoded(Map<String, String> values) {
        return values.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
            e -> Base64.getEncoder().encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8))));
    }

    private static Map<String, String> values(Secret secret) {
        return secret.getData().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
            e -> new String(Base64.getDecoder().decode(e.getValue()), StandardCharsets.UTF_8)));
    }
}

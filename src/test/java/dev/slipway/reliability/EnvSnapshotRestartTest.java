package dev.slipway.reliability;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.App;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.Slipway;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.Manifests;
import dev.slipway.testing.OperatorCrash;
import dev.slipway.testing.RequestLog;
import dev.slipway.testing.ServerFixture;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Env snapshots and operator restarts; and an App that does not opt in, which costs no Secret access at all. */
class EnvSnapshotRestartTest {

    /**
     * The operator dies after each write of an opted-in App's first deploy in turn (the snapshot's create among them); a
     * fresh operator finishes it: one snapshot per content, owned by the release, the one the Deployment reads.
     */
    @Test
    void aRestartAtAnyWriteLeavesNoOrphanAndNoDuplicateSnapshot() {
        ServerFixture<OperatorCrash> crash = ServerFixture.of(OperatorCrash::new);
        try (Cluster cluster = new Cluster(crash)) {
            cluster.stopOperator();
            cluster.startOperator(crash.get().nextVictim(Integer.MAX_VALUE));
            deploy(cluster, "clean");
            int writes = crash.get().writesDone();
            assertThat(writes).as("writes of one opted-in deploy").isGreaterThan(5);
            for (int k = 0; k < writes; k++) {
                crash.get().dieAfter(k);
                String app = "crash" + k;
                secret(cluster, app);
                cluster.create(optedIn(app));
                cluster.create(release(app + "-a", app, "registry.example/" + app + "/web:1"));
                await().atMost(Cluster.CONVERGENCE).until(() -> crash.get().dead() || isActive(cluster, app + "-a"));
                if (crash.get().dead()) {
                    cluster.stopOperator();
                    cluster.startOperator(crash.get().nextVictim(Integer.MAX_VALUE));
                }
                cluster.awaitPhase(app + "-a", ReleasePhase.Active);
                assertOneSnapshotReadByTheDeployment(cluster, app);
            }
            System.out.printf("reliability: env snapshots, %d crash points tried; no orphan, no duplicate%n", writes);
        }
    }

    @Test
    void anAppThatDoesNotOptInNeverReadsASecret() {
        ServerFixture<RequestLog> log = ServerFixture.of(RequestLog::new);
        try (Cluster cluster = new Cluster(log)) {
            cluster.stopOperator();
            cluster.startOperator("slipway-operator-opted-out");
            secret(cluster, "shop");
            App app = optedIn("shop");
            app.getSpec().setSnapshotEnvFrom(null);
            cluster.create(app);
            cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
            cluster.awaitPhase("shop-a", ReleasePhase.Active);
            cluster.update(Secret.class, "shop-credentials", s -> s.getMetadata().setLabels(Map.of("touched", "yes")));
            cluster.update(App.class, "shop", a -> a.getSpec().getConfig().put("LOG_LEVEL", "debug"));
            cluster.awaitPhase("shop-v2", ReleasePhase.Active);

            assertThat(log.get().requests()).filteredOn(r -> "slipway-operator-opted-out".equals(r.userAgent()))
                .as("the operator's requests").isNotEmpty()
                .noneMatch(r -> r.path().contains("/secrets"));
            assertThat(cluster.deployment("shop-web").getSpec().getTemplate().getSpec().getContainers().get(0).getEnvFrom()
                .get(0).getSecretRef().getName()).as("the live Secret, as without snapshots").isEqualTo("shop-credentials");
        }
    }

    private static void deploy(Cluster cluster, String app) {
        secret(cluster, app);
        cluster.create(optedIn(app));
        cluster.create(release(app + "-a", app, "registry.example/" + app + "/web:1"));
        cluster.awaitPhase(app + "-a", ReleasePhase.Active);
        assertOneSnapshotReadByTheDeployment(cluster, app);
    }

    private static void assertOneSnapshotReadByTheDeployment(Cluster cluster, String app) {
        List<Secret> snapshots = cluster.client.secrets().inNamespace(Manifests.NAMESPACE)
            .withLabel(Slipway.LABEL_ENV_SNAPSHOT).withLabel(Slipway.LABEL_APP, app).list().getItems();
        assertThat(snapshots).as("snapshots of %s", app).hasSize(1);
        Secret snapshot = snapshots.get(0);
        assertThat(snapshot.getMetadata().getOwnerReferences()).extracting(o -> o.getName()).containsExactly(app + "-a");
        assertThat(cluster.deployment(app + "-web").getSpec().getTemplate().getSpec().getContainers().get(0).getEnvFrom()
            .get(0).getSecretRef().getName()).isEqualTo(snapshot.getMetadata().getName());
        assertThat(snapshot.getData()).containsKey("PASSWORD");
        assertThat(cluster.release(app + "-a").getSpec().getEnvSnapshots()).extracting(s -> s.getKeys()).containsExactly(List.of("PASSWORD"));
    }

    private static boolean isActive(Cluster cluster, String release) {
        var r = cluster.release(release);
        return r != null && r.getStatus() != null && r.getStatus().getPhase() == ReleasePhase.Active;
    }

    private static App optedIn(String name) {
        App app = webAndWorker(name, Map.of());
        app.getSpec().setEnvFrom(List.of(new EnvFromSourceBuilder().withNewSecretRef(name + "-credentials", false).build()));
        app.getSpec().setSnapshotEnvFrom(true);
        return app;
    }

    private static void secret(Cluster cluster, String app) {
        cluster.create(new SecretBuilder().withNewMetadata().withName(app + "-credentials").withNamespace(Manifests.NAMESPACE)
            .endMetadata().withData(Map.of("PASSWORD", Base64.getEncoder().encodeToString(app.getBytes(StandardCharsets.UTF_8)))).build());
    }
}

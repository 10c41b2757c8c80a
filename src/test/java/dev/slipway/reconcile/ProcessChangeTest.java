package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.process;
import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.rollback;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.App;
import dev.slipway.model.Cause;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.RequestPhase;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.ClusterScenario;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A release carries its process templates: template changes make releases, replicas do not, rollbacks restore them. */
class ProcessChangeTest extends ClusterScenario {

    @BeforeEach
    void oneRelease() {
        cluster.create(webAndWorker("shop", Map.of("LOG_LEVEL", "info")));
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);
    }

    @Test
    void theFirstReleaseTakesTheAppsTemplatesWithoutReplicas() {
        var processes = cluster.release("shop-a").getSpec().getProcesses();
        assertThat(processes).containsOnlyKeys("web", "worker");
        assertThat(processes.get("web").getCommand()).containsExactly("bin/web");
        assertThat(processes.get("web").getPort()).isEqualTo(5000);
        assertThat(cluster.client.getKubernetesSerialization().asJson(processes)).doesNotContain("replicas");
    }

    @Test
    void aTemplateChangeMakesOneProcessesReleaseOfTheRunningBuildAndConfig() {
        cluster.update(App.class, "shop", app -> {
            var web = app.getSpec().getProcesses().get("web");
            web.setCommand(List.of("bin/web", "--fast"));
            web.setPort(8080);
            app.getSpec().getProcesses().remove("worker");
            app.getSpec().getProcesses().put("clock", process(1, List.of("bin/clock")));
        });

        cluster.awaitPhase("shop-v2", ReleasePhase.Active);
        Release made = cluster.release("shop-v2");
        assertThat(made.getSpec().getCause()).isEqualTo(Cause.Processes);
        assertThat(made.getSpec().getDescription()).isEqualTo("Change web: command, port; add clock; remove worker");
        assertThat(made.getSpec().getImage()).isEqualTo("registry.example/shop/web:1");
        assertThat(made.getSpec().getConfig()).isEqualTo(Map.of("LOG_LEVEL", "info"));
        assertThat(made.getSpec().getProcesses()).containsOnlyKeys("web", "clock");
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> {
            assertThat(container("shop-web").getCommand()).containsExactly("bin/web", "--fast");
            assertThat(container("shop-web").getPorts().get(0).getContainerPort()).isEqualTo(8080);
            assertThat(service("shop-web").getSpec().getPorts().get(0).getPort()).isEqualTo(8080);
            assertThat(cluster.deployment("shop-clock").getSpec().getReplicas()).isEqualTo(1);
            assertThat(cluster.deployment("shop-worker")).as("a process the release does not have").isNull();
        });
        assertThat(cluster.releasesOf("shop")).as("one release for one edit").hasSize(2);
    }

    @Test
    void aReplicasChangeIsAppliedLiveWithoutARelease() {
        cluster.update(App.class, "shop", app -> app.getSpec().getProcesses().get("web").setReplicas(5));

        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(cluster.deployment("shop-web").getSpec().getReplicas()).isEqualTo(5));
        cluster.restartOperator();
        settleMarker();
        assertThat(cluster.releasesOf("shop")).hasSize(1);
        assertThat(cluster.deployment("shop-web").getSpec().getReplicas()).isEqualTo(5);
    }

    @Test
    void aConfigAndAProcessChangeInOneEditMakeOneRelease() {
        cluster.update(App.class, "shop", app -> {
            app.getSpec().getConfig().put("FOO", "bar");
            app.getSpec().getProcesses().get("worker").setArgs(List.of("--queue", "mail"));
        });

        cluster.awaitPhase("shop-v2", ReleasePhase.Active);
        Release made = cluster.release("shop-v2");
        assertThat(made.getSpec().getCause()).isEqualTo(Cause.Config);
        assertThat(made.getSpec().getDescription()).isEqualTo("Set FOO; change worker: args");
        assertThat(made.getSpec().getConfig()).containsEntry("FOO", "bar");
        assertThat(made.getSpec().getProcesses().get("worker").getArgs()).containsExactly("--queue", "mail");
        settleMarker();
        assertThat(cluster.releasesOf("shop")).hasSize(2);
    }

    @Test
    void aRollbackRestoresTheCommandAndPortAndTheAppSaysSoWithoutFightingIt() {
        cluster.update(App.class, "shop", app -> {
            app.getSpec().getProcesses().get("web").setCommand(List.of("bin/server"));
            app.getSpec().getProcesses().get("web").setPort(8080);
        });
        cluster.awaitPhase("shop-v2", ReleasePhase.Active);

        cluster.create(rollback("undo", "shop", "v1"));
        cluster.awaitRollback("undo", RequestPhase.Succeeded);
        cluster.awaitPhase("shop-v3", ReleasePhase.Active);

        assertThat(cluster.release("shop-v3").getSpec().getProcesses().get("web").getCommand()).containsExactly("bin/web");
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> {
            assertThat(container("shop-web").getCommand()).containsExactly("bin/web");
            assertThat(container("shop-web").getPorts().get(0).getContainerPort()).isEqualTo(5000);
            assertThat(service("shop-web").getSpec().getPorts().get(0).getPort()).isEqualTo(5000);
            assertThat(cluster.app("shop").getStatus().getConditions()).anySatisfy(c -> {
                assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("ProcessesInSync=False");
                assertThat(c.getReason()).isEqualTo("RunningProcessesDiffer");
                assertThat(c.getMessage()).contains("v3", "Change web: command, port");
            });
        });
        cluster.restartOperator();
        settleMarker();
        assertThat(cluster.releasesOf("shop")).as("the rollback is not undone").hasSize(3);
    }

    @Test
    void aReleaseNumberedBeforeReleasesHadTemplatesRunsTheAppsTemplates() {
        cluster.stopOperator();
        // As an older operator left it: numbered without spec.processes, and no process digest acted on.
        Release old = cluster.update(Release.class, "shop-a", r -> r.getSpec().setProcesses(null));
        old.getStatus().setNumberedGeneration(old.getMetadata().getGeneration());
        cluster.client.resource(old).updateStatus();
        cluster.update(App.class, "shop", app -> app.getSpec().getProcesses().get("web").setCommand(List.of("bin/web", "--v2")));
        App app = cluster.app("shop");
        app.getStatus().setAppliedProcessesDigest(null);
        cluster.client.resource(app).updateStatus();
        cluster.startOperator();

        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> {
            assertThat(container("shop-web").getCommand()).containsExactly("bin/web", "--v2");
            assertThat(cluster.app("shop").getStatus().getAppliedProcessesDigest()).isNotNull();
        });
        assertThat(cluster.release("shop-a").getStatus().getPhase()).isEqualTo(ReleasePhase.Active);
        assertThat(cluster.release("shop-a").getSpec().getProcesses()).as("never filled in after numbering").isNull();
        assertThat(cluster.releasesOf("shop")).hasSize(1);
    }

    /** Another App deployed after the change: once it runs, the operator has long passed over "shop" again. */
    private void settleMarker() {
        cluster.create(webAndWorker("marker", Map.of()));
        cluster.create(release("marker-a", "marker", "registry.example/marker/web:1"));
        cluster.awaitPhase("marker-a", ReleasePhase.Active);
    }

    private Container container(String deployment) {
        Deployment d = cluster.deployment(deployment);
        assertThat(d).as(deployment).isNotNull();
        return d.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private Service service(String name) {
        return cluster.client.services().inNamespace("shop").withName(name).get();
    }
}

package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.AppStatus;
import dev.slipway.model.ReleasePhase;
import dev.slipway.testing.AdmissionDenial;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.ClusterScenario;
import dev.slipway.testing.Manifests;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/**
 * An admission policy denies the Deployment writes of one App (a real API server answers 403 with the
 * webhook's message): the App says so in the server's words, keeps what runs, other Apps go on, and once
 * the policy is lifted the waiting release rolls out under the version it already had.
 */
class RefusedWriteTest extends ClusterScenario {
    // The App's Deployments exist before the policy is on, so its refused writes are updates, named in the path.
    private final AdmissionDenial policy = new AdmissionDenial("images.policy.example", "images must come from registry.internal",
        path -> path.contains("/deployments/denied-"));
    // A create is POSTed to the collection: its path names no Deployment, and neither does the webhook's answer.
    private final AdmissionDenial creates = new AdmissionDenial("images.policy.example", "images must come from registry.internal",
        path -> path.endsWith("/namespaces/" + Manifests.NAMESPACE + "/deployments"));

    private final AdmissionDenial releaseCreates = new AdmissionDenial("releases.policy.example", "releases need an approved change ticket",
        path -> path.endsWith("/namespaces/" + Manifests.NAMESPACE + "/releases"));

    @Override
    protected Cluster newCluster() {
        return new Cluster(server -> releaseCreates.wrap(creates.wrap(policy.wrap(server))));
    }

    @Test
    void aDeniedDeploymentWriteIsReportedAndRecoversOnceThePolicyIsLifted() {
        cluster.create(webAndWorker("denied", Map.of()));
        cluster.create(webAndWorker("healthy", Map.of()));
        cluster.create(release("denied-1", "denied", "registry.example/denied/web:1"));
        cluster.awaitPhase("denied-1", ReleasePhase.Active);

        policy.enforce(true);
        cluster.create(release("denied-2", "denied", "registry.example/denied/web:2"));
        cluster.create(release("healthy-1", "healthy", "registry.example/healthy/web:1"));

        cluster.awaitPhase("healthy-1", ReleasePhase.Active);
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(cluster.app("denied").getStatus().getConditions())
            .anySatisfy(c -> {
                assertThat(c.getType() + "=" + c.getStatus() + " " + c.getReason()).isEqualTo("Stalled=True WriteRefused");
                assertThat(c.getMessage()).contains("refused to write deployments denied-").contains("(403: " + policy.message() + ")");
            }));
        assertThat(cluster.deployment("denied-web").getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
            .as("what runs is kept").isEqualTo("registry.example/denied/web:1");
        await().atMost(Cluster.CONVERGENCE).until(() -> cluster.client.v1().events().inNamespace(Manifests.NAMESPACE).list().getItems()
            .stream().anyMatch(e -> "WriteRefused".equals(e.getReason()) && "denied".equals(e.getInvolvedObject().getName())));

        policy.enforce(false);
        cluster.awaitPhase("denied-2", ReleasePhase.Active);
        assertThat(cluster.release("denied-2").getStatus().getVersion()).as("not renumbered").isEqualTo(2L);
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(cluster.app("denied").getStatus().getConditions())
            .anySatisfy(c -> assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Ready=True")));
    }

    @Test
    void aDeniedDeploymentCreateIsReportedNamingTheDeployment() {
        creates.enforce(true);
        cluster.create(webAndWorker("denied", Map.of()));
        cluster.create(release("denied-1", "denied", "registry.example/denied/web:1"));

        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(cluster.app("denied").getStatus())
            .as("status of denied").isNotNull().extracting(AppStatus::getConditions).asInstanceOf(InstanceOfAssertFactories.list(Condition.class))
            .anySatisfy(c -> {
                assertThat(c.getType() + "=" + c.getStatus() + " " + c.getReason()).isEqualTo("Stalled=True WriteRefused");
                assertThat(c.getMessage()).containsPattern("refused to write deployments denied-(web|worker) \\(403: ")
                    .contains(creates.message());
            }));

        creates.enforce(false);
        cluster.awaitPhase("denied-1", ReleasePhase.Active);
    }

    @Test
    void aDeniedCreateOfAReleaseTheOperatorMakesIsReportedNamingTheRelease() {
        cluster.create(webAndWorker("denied", Map.of("A", "1")));
        cluster.create(release("denied-1", "denied", "registry.example/denied/web:1"));
        cluster.awaitPhase("denied-1", ReleasePhase.Active);

        releaseCreates.enforce(true);
        cluster.update(dev.slipway.model.App.class, "denied", app -> app.getSpec().setConfig(Map.of("A", "2")));

        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(cluster.app("denied").getStatus().getConditions())
            .anySatisfy(c -> {
                assertThat(c.getType() + "=" + c.getStatus() + " " + c.getReason()).isEqualTo("Stalled=True WriteRefused");
                assertThat(c.getMessage()).contains("refused to write releases denied-v2 (403: " + releaseCreates.message() + ")");
            }));

        releaseCreates.enforce(false);
        cluster.awaitPhase("denied-v2", ReleasePhase.Active);
        assertThat(cluster.release("denied-v2").getSpec().getConfig()).containsEntry("A", "2");
    }
}

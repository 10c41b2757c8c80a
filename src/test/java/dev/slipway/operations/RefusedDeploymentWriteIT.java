package dev.slipway.operations;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.Slipway;
import dev.slipway.reconcile.AppReconciler;
import dev.slipway.testing.AdmissionDenial;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.DeploymentController;
import dev.slipway.testing.Manifests;
import dev.slipway.testing.OperatorInstance;
import dev.slipway.testing.OperatorProcess;
import dev.slipway.testing.TestApiServer;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged operator when an admission webhook denies the Deployments of one App (its own namespace's policy),
 * beside an App the policy does not touch: the App says why in the server's words, its releases keep their
 * numbers, the other App deploys, and once the policy is lifted the App goes on by itself.
 */
class RefusedDeploymentWriteIT {
    private static final Duration START = Duration.ofSeconds(90);
    private static final String FENCED = "fenced";
    /**
     * JOSDK retries the refused App with backoff (200 ms doubling, at most the app controller's max interval, 30 s
     * apart), so the retry after the policy is lifted comes within one max interval; then the Deployments are created
     * and roll out, and the App is reconciled again: a few seconds, given 10 here for two busy cores.
     */
    private static final Duration RECOVERY =
        Duration.ofMillis(((GenericRetry) OperatorInstance.packaged(AppReconciler.NAME).getRetry()).getMaxInterval()).plusSeconds(10);

    private final AdmissionDenial policy = new AdmissionDenial("policy.example.com", "denied by policy",
        path -> path.startsWith("/apis/apps/v1/namespaces/" + FENCED + "/deployments"));
    private final TestApiServer api = TestApiServer.start(policy::wrap);
    private final KubernetesClient client = api.newClient();
    private final DeploymentController deployments = DeploymentController.start(api.newClient());
    private OperatorProcess operator;

    @AfterEach
    void stop() throws InterruptedException {
        if (operator != null) {
            operator.kill();
        }
        deployments.close();
        api.close();
    }

    @Test
    void aDeniedAppIsStalledWithTheServersReasonAndRecoversByItselfOnceThePolicyIsLifted() throws Exception {
        policy.enforce(true);
        operator = OperatorProcess.start(api.url(), Path.of("target", "it", "refused-write.log"), Map.of());
        operator.awaitReady(START);
        client.resource(webAndWorker("healthy", Map.of())).create();
        client.resource(release("healthy-1", "healthy", "registry.example/healthy/web:1")).create();
        client.resource(in(FENCED, webAndWorker("blocked", Map.of()))).create();
        client.resource(in(FENCED, release("blocked-1", "blocked", "registry.example/blocked/web:1"))).create();
        client.resource(in(FENCED, release("blocked-2", "blocked", "registry.example/blocked/web:2"))).create();

        awaitReady(Manifests.NAMESPACE, "healthy", Cluster.CONVERGENCE);
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(conditions(FENCED, "blocked")).anySatisfy(c -> {
            assertThat(c.getType() + "=" + c.getStatus() + " " + c.getReason()).isEqualTo("Stalled=True WriteRefused");
            assertThat(c.getMessage()).matches("The API server refused to write deployments blocked-(web|worker) \\(403: "
                + Pattern.quote(policy.message()) + "\\)\\. What runs is kept .*");
        }));
        await().atMost(Cluster.CONVERGENCE).until(() -> client.v1().events().inNamespace(FENCED).list().getItems().stream()
            .anyMatch(e -> "WriteRefused".equals(e.getReason()) && "blocked".equals(e.getInvolvedObject().getName())));
        assertThat(client.apps().deployments().inNamespace(FENCED).list().getItems()).as("nothing made for blocked").isEmpty();
        List<String> claimed = versions(r -> r.getMetadata().getLabels() == null ? null : r.getMetadata().getLabels().get(Slipway.LABEL_VERSION));

        policy.enforce(false);
        long lifted = System.nanoTime();
        awaitReady(FENCED, "blocked", RECOVERY);
        System.out.printf("refused write: policy lifted to App Ready %d ms%n", Duration.ofNanos(System.nanoTime() - lifted).toMillis());

        assertThat(versions(r -> String.valueOf(r.getStatus().getVersion())))
            .as("versions of blocked-1, blocked-2: those claimed while refused").isEqualTo(claimed).containsExactly("1", "2");
        assertThat(client.resources(Release.class).inNamespace(FENCED).withName("blocked-2").get().getStatus().getPhase())
            .isEqualTo(ReleasePhase.Active);
        Deployment web = client.apps().deployments().inNamespace(FENCED).withName("blocked-web").get();
        assertThat(web.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("registry.example/blocked/web:2");
    }

    private static <T extends HasMetadata> T in(String namespace, T object) {
        object.getMetadata().setNamespace(namespace);
        return object;
    }

    /** The versions of blocked-1 and blocked-2 as {@code version} reads them; both must still exist. */
    private List<String> versions(Function<Release, String> version) {
        return Stream.of("blocked-1", "blocked-2")
            .map(name -> client.resources(Release.class).inNamespace(FENCED).withName(name).get())
            .peek(r -> assertThat(r).as("a release of blocked").isNotNull())
            .map(version).toList();
    }

    private List<Condition> conditions(String namespace, String app) {
        App current = client.resources(App.class).inNamespace(namespace).withName(app).get();
        return current.getStatus() == null || current.getStatus().getConditions() == null ? List.of() : current.getStatus().getConditions();
    }

    private void awaitReady(String namespace, String app, Duration limit) {
        await().atMost(limit).untilAsserted(() -> assertThat(conditions(namespace, app))
            .anySatisfy(c -> assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Ready=True")));
    }
}

package dev.slipway.testing;

import static org.awaitility.Awaitility.await;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.fabric8.mockwebserver.http.Dispatcher;

/**
 * A test cluster: API server, Deployment controller fixture and one operator instance, with the reads
 * and waits the scenarios share. {@link #restartOperator()} replaces the operator process.
 */
public final class Cluster implements AutoCloseable {
    /**
     * How long a scenario may take to converge. Reconciles here take milliseconds; the bound is the
     * operator's longest retry backoff under conflicts (30 s max interval) plus an informer resync margin,
     * so a wait that runs out means the operator is stuck, not slow.
     */
    public static final Duration CONVERGENCE = Duration.ofSeconds(45);

    public final TestApiServer api;
    public final KubernetesClient client;
    public final DeploymentController deployments;
    private final ThreadLeaks threads;
    private OperatorInstance operator;

    public Cluster() {
        this(UnaryOperator.identity());
    }

    public Cluster(UnaryOperator<Dispatcher> wrapDispatcher) {
        this(wrapDispatcher, new SimpleMeterRegistry());
    }

    /** A cluster whose operator records its metrics in {@code registry}. */
    public Cluster(MeterRegistry registry) {
        this(UnaryOperator.identity(), registry);
    }

    private Cluster(UnaryOperator<Dispatcher> wrapDispatcher, MeterRegistry registry) {
        this(ThreadLeaks.baseline(), TestApiServer.start(wrapDispatcher), registry);
    }

    /** @param threads taken before {@code api} started, so that everything the cluster starts must end with it */
    private Cluster(ThreadLeaks threads, TestApiServer api, MeterRegistry registry) {
        this.threads = threads;
        this.api = api;
        client = api.newClient();
        deployments = DeploymentController.start(api.newClient());
        operator = OperatorInstance.start(api.newClient(), registry);
        WaitDiagnostics.opened(this);
    }

    /** A cluster whose API server speaks HTTPS only ({@link TestApiServer#certificateAuthority()}). */
    public static Cluster overTls() {
        return new Cluster(ThreadLeaks.baseline(), TestApiServer.startOverTls(), new SimpleMeterRegistry());
    }

    public void stopOperator() {
        operator.stop();
        operator = null;
    }

    public void startOperator() {
        operator = OperatorInstance.start(api.newClient());
    }

    /** Starts an operator whose requests carry this User-Agent, so a fault injector can single it out. */
    public void startOperator(String userAgent) {
        operator = OperatorInstance.start(api.newClient(userAgent));
    }

    /** Starts an operator on {@code client}, which it owns and closes from then on. */
    public void startOperator(KubernetesClient client) {
        operator = OperatorInstance.start(client);
    }

    public void restartOperator() {
        stopOperator();
        startOperator();
    }

    public <T extends io.fabric8.kubernetes.api.model.HasMetadata> T create(T object) {
        return client.resource(object).create();
    }

    /** Read-modify-write as a person with kubectl would: on a conflict, read again and redo the change. */
    public <T extends io.fabric8.kubernetes.api.model.HasMetadata> T update(Class<T> kind, String name,
                                                                            java.util.function.Consumer<T> change) {
        for (int attempt = 1; ; attempt++) {
            T current = client.resources(kind).inNamespace(Manifests.NAMESPACE).withName(name).get();
            change.accept(current);
            try {
                return client.resource(current).update();
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 20) {
                    throw e;
                }
            }
        }
    }

    public App app(String name) {
        return client.resources(App.class).inNamespace(Manifests.NAMESPACE).withName(name).get();
    }

    public Release release(String name) {
        return client.resources(Release.class).inNamespace(Manifests.NAMESPACE).withName(name).get();
    }

    public List<Release> releasesOf(String app) {
        return client.resources(Release.class).inNamespace(Manifests.NAMESPACE).list().getItems().stream()
            .filter(r -> r.getSpec() != null && app.equals(r.getSpec().getApp()))
            .sorted(Comparator.comparing(r -> r.getStatus() == null || r.getStatus().getVersion() == null
                ? Long.MAX_VALUE : r.getStatus().getVersion()))
            .toList();
    }

    public dev.slipway.model.Rollback rollback(String name) {
        return client.resources(dev.slipway.model.Rollback.class).inNamespace(Manifests.NAMESPACE).withName(name).get();
    }

    public void awaitRollback(String name, dev.slipway.model.RequestPhase phase) {
        await().atMost(CONVERGENCE).untilAsserted(() -> {
            var r = rollback(name);
            org.assertj.core.api.Assertions.assertThat(r).as("rollback %s", name).isNotNull();
            org.assertj.core.api.Assertions.assertThat(r.getStatus()).as("status of %s", name).isNotNull();
            org.assertj.core.api.Assertions.assertThat(r.getStatus().getPhase()).as("phase of %s: %s", name,
                r.getStatus().getMessage()).isEqualTo(phase);
        });
    }

    public dev.slipway.model.Promotion promotion(String name) {
        return client.resources(dev.slipway.model.Promotion.class).inNamespace(Manifests.NAMESPACE).withName(name).get();
    }

    public void awaitPromotion(String name, dev.slipway.model.RequestPhase phase) {
        await().atMost(CONVERGENCE).untilAsserted(() -> {
            var p = promotion(name);
            org.assertj.core.api.Assertions.assertThat(p).as("promotion %s", name).isNotNull();
            org.assertj.core.api.Assertions.assertThat(p.getStatus()).as("status of promotion %s", name).isNotNull();
            org.assertj.core.api.Assertions.assertThat(p.getStatus().getPhase()).as("phase of promotion %s: %s", name,
                p.getStatus().getMessage()).isEqualTo(phase);
        });
    }

    /** Rollouts of images tagged ":broken" exceed their progress deadline; all others succeed. */
    public void failRolloutsOfBrokenImages() {
        deployments.setOutcome(d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage().endsWith(":broken")
            ? DeploymentController.Outcome.DEADLINE_EXCEEDED : deployments.kubelet(d));
    }

    public Deployment deployment(String name) {
        return client.apps().deployments().inNamespace(Manifests.NAMESPACE).withName(name).get();
    }

    public void awaitPhase(String release, ReleasePhase phase) {
        await().atMost(CONVERGENCE).untilAsserted(() -> {
            Release r = release(release);
            org.assertj.core.api.Assertions.assertThat(r).as("release %s", release).isNotNull();
            org.assertj.core.api.Assertions.assertThat(r.getStatus()).as("status of %s", release).isNotNull();
            org.assertj.core.api.Assertions.assertThat(r.getStatus().getPhase()).as("phase of %s: %s", release,
                r.getStatus().getMessage()).isEqualTo(phase);
        });
    }

    /** Every object of the kinds the operator reads or writes, as YAML, for a report on a failed wait. */
    String describe() {
        StringBuilder text = new StringBuilder("Cluster at ").append(api.url()).append('\n');
        var serialization = client.getKubernetesSerialization();
        for (Class<? extends io.fabric8.kubernetes.api.model.HasMetadata> kind : List.of(App.class, Release.class,
            dev.slipway.model.Rollback.class, dev.slipway.model.Promotion.class, Deployment.class)) {
            for (var object : client.resources(kind).inAnyNamespace().list().getItems()) {
                text.append(serialization.asYaml(object));
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        WaitDiagnostics.closed(this);
        if (operator != null) {
            operator.stop();
        }
        deployments.close();
        api.close();
        threads.assertNoneLeft();
    }
}

package dev.slipway.testing;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Plays the Deployment controller and kubelet, which the mock server lacks: for every Deployment whose
 * spec generation it has not observed yet, it writes the status a real cluster would reach. What it
 * reaches is chosen per Deployment: a healthy rollout, pods that never become available, or a rollout
 * that exceeds its progress deadline.
 */
public final class DeploymentController implements AutoCloseable {

    public enum Outcome {
        /** All new replicas updated and available. */
        AVAILABLE,
        /** New replicas updated but never available; the rollout stays in progress. */
        NEVER_AVAILABLE,
        /**
         * Pods never become available; once the Deployment's progressDeadlineSeconds have passed (on the
         * fixture's compressed clock) it reports Progressing=False with reason ProgressDeadlineExceeded.
         */
        DEADLINE_EXCEEDED
    }

    /** A progress deadline of N seconds passes after N times this many milliseconds. */
    static final long MILLIS_PER_DEADLINE_SECOND = 5;
    static final int WORKERS = 5;
    /** A failed status write is tried again after this long, as the real controller's work queue requeues it. */
    static final long RETRY_MILLIS = 500;

    private final KubernetesClient client;
    private final SharedIndexInformer<Deployment> informer;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(named("deployment-controller-clock"));
    /** Like kube-controller-manager's --concurrent-deployment-syncs (5): Deployments roll out side by side. */
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, named("deployment-controller-worker"));
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private volatile Function<Deployment, Outcome> outcome = this::kubelet;

    private DeploymentController(KubernetesClient client) {
        this.client = client;
        this.informer = client.apps().deployments().inAnyNamespace().inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Deployment deployment) {
                workers.execute(() -> rollOut(deployment));
            }

            @Override
            public void onUpdate(Deployment before, Deployment deployment) {
                workers.execute(() -> rollOut(deployment));
            }

            @Override
            public void onDelete(Deployment deployment, boolean unknownFinalState) {
            }
        });
    }

    public static DeploymentController start(KubernetesClient client) {
        return new DeploymentController(client);
    }

    /** What a kubelet makes of the pod template: pods whose envFrom names a missing Secret never start. */
    public Outcome kubelet(Deployment deployment) {
        var containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        boolean missingSecret = containers.stream()
            .flatMap(c -> c.getEnvFrom() == null ? java.util.stream.Stream.empty() : c.getEnvFrom().stream())
            .filter(source -> source.getSecretRef() != null && !Boolean.TRUE.equals(source.getSecretRef().getOptional()))
            .anyMatch(source -> client.secrets().inNamespace(deployment.getMetadata().getNamespace())
                .withName(source.getSecretRef().getName()).get() == null);
        return missingSecret ? Outcome.DEADLINE_EXCEEDED : Outcome.AVAILABLE;
    }

    public void setOutcome(Function<Deployment, Outcome> outcome) {
        this.outcome = outcome;
        informer.getStore().list().forEach(this::rollOut);
    }

    /** One Deployment at a time per name; an older event handled late loses its write to a 409. */
    private void rollOut(Deployment deployment) {
        synchronized (lockFor(deployment.getMetadata().getNamespace(), deployment.getMetadata().getName())) {
            rollOutLocked(deployment);
        }
    }

    private Object lockFor(String namespace, String name) {
        return locks.computeIfAbsent(namespace + "/" + name, key -> new Object());
    }

    private void rollOutLocked(Deployment deployment) {
        DeploymentStatus current = deployment.getStatus();
        Outcome wanted = outcome.apply(deployment);
        boolean observed = current != null && Objects.equals(current.getObservedGeneration(), deployment.getMetadata().getGeneration());
        if (observed && (wanted == outcomeOf(current) || (wanted == Outcome.DEADLINE_EXCEEDED && outcomeOf(current) == Outcome.NEVER_AVAILABLE))) {
            return;
        }
        if (wanted == Outcome.DEADLINE_EXCEEDED) {
            // First a rollout that makes no progress, then, when the deadline has passed, the verdict.
            write(deployment, statusFor(deployment, Outcome.NEVER_AVAILABLE));
            long deadline = Objects.requireNonNullElse(deployment.getSpec().getProgressDeadlineSeconds(), 600);
            clock.schedule(() -> exceedDeadline(deployment.getMetadata().getNamespace(), deployment.getMetadata().getName(),
                deployment.getMetadata().getGeneration()), deadline * MILLIS_PER_DEADLINE_SECOND, TimeUnit.MILLISECONDS);
            return;
        }
        write(deployment, statusFor(deployment, wanted));
    }

    private void exceedDeadline(String namespace, String name, Long generation) {
        synchronized (lockFor(namespace, name)) {
            exceedDeadlineLocked(namespace, name, generation);
        }
    }

    private void exceedDeadlineLocked(String namespace, String name, Long generation) {
        Deployment deployment = informer.getStore().getByKey(namespace + "/" + name);
        if (deployment != null && Objects.equals(deployment.getMetadata().getGeneration(), generation)
            && outcome.apply(deployment) == Outcome.DEADLINE_EXCEEDED) {
            write(deployment, statusFor(deployment, Outcome.DEADLINE_EXCEEDED));
        }
    }

    private void write(Deployment deployment, DeploymentStatus status) {
        Deployment withStatus = new DeploymentBuilder(deployment).withStatus(status).build();
        try {
            client.apps().deployments().resource(withStatus).updateStatus();
        } catch (KubernetesClientException e) {
            // 409: a newer version exists; its own update event brings it back here. 404: it is gone.
            if (e.getCode() != 409 && e.getCode() != 404) {
                // Anything else (a timeout from an overloaded API server, fault injection): try the latest again later.
                String namespace = deployment.getMetadata().getNamespace();
                String name = deployment.getMetadata().getName();
                clock.schedule(() -> retry(namespace, name), RETRY_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void retry(String namespace, String name) {
        Deployment latest = informer.getStore().getByKey(namespace + "/" + name);
        if (latest != null) {
            workers.execute(() -> rollOut(latest));
        }
    }

    private static DeploymentStatus statusFor(Deployment deployment, Outcome outcome) {
        int replicas = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
        int available = outcome == Outcome.AVAILABLE ? replicas : 0;
        List<DeploymentCondition> conditions = new ArrayList<>();
        conditions.add(new DeploymentConditionBuilder().withType("Available")
            .withStatus(available == replicas ? "True" : "False").withReason("MinimumReplicasAvailable").build());
        conditions.add(outcome == Outcome.DEADLINE_EXCEEDED
            ? new DeploymentConditionBuilder().withType("Progressing").withStatus("False").withReason("ProgressDeadlineExceeded")
                .withMessage("ReplicaSet has timed out progressing.").build()
            : new DeploymentConditionBuilder().withType("Progressing").withStatus("True")
                .withReason(available == replicas ? "NewReplicaSetAvailable" : "ReplicaSetUpdated").build());
        return new DeploymentStatusBuilder()
            .withObservedGeneration(deployment.getMetadata().getGeneration())
            .withReplicas(replicas)
            .withUpdatedReplicas(replicas)
            .withReadyReplicas(available)
            .withAvailableReplicas(available)
            .withUnavailableReplicas(replicas - available)
            .withConditions(conditions)
            .build();
    }

    private static Outcome outcomeOf(DeploymentStatus status) {
        boolean deadline = status.getConditions() != null && status.getConditions().stream()
            .anyMatch(c -> "ProgressDeadlineExceeded".equals(c.getReason()));
        if (deadline) {
            return Outcome.DEADLINE_EXCEEDED;
        }
        return Objects.equals(status.getAvailableReplicas(), status.getReplicas()) ? Outcome.AVAILABLE : Outcome.NEVER_AVAILABLE;
    }

    /** Named, so that a leak of the fixture's threads is told apart from the mock server's ({@link ThreadLeaks}). */
    private static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> new Thread(runnable, name + "-" + count.incrementAndGet());
    }

    @Override
    public void close() {
        clock.shutdownNow();
        workers.shutdownNow();
        informer.close();
    }
}

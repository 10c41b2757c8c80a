package dev.slipway.testing;

import dev.slipway.metrics.SlipwayMetrics;
import dev.slipway.reconcile.AppReconciler;
import dev.slipway.reconcile.ReleaseReconciler;
import dev.slipway.reconcile.RollbackReconciler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * One operator process: the production reconcilers, registered with the configuration the Quarkus build
 * uses (annotations on the reconcilers, server-side apply off, informer errors at startup retried). Stopping it and starting a new instance on
 * the same API server is an operator restart: all in-memory state is gone. The instance owns the client it is
 * given and closes it when it stops, as a process does when it exits, so nothing of it outlives the stop.
 */
public final class OperatorInstance implements AutoCloseable {
    static {
        KnownUpstreamRaces.ignoreInAwaitility();
        WaitDiagnostics.install();
    }

    private final Operator operator;

    private OperatorInstance(Operator operator) {
        this.operator = operator;
    }

    public static OperatorInstance start(KubernetesClient client) {
        return start(client, new SimpleMeterRegistry());
    }

    public static OperatorInstance start(KubernetesClient client, MeterRegistry registry) {
        return start(client, registry, null);
    }

    /**
     * One of several replicas competing for the Lease {@code lease} in namespace {@code namespace}. Durations
     * are short so that a hand-over happens within the test's convergence bound; a replica that loses the lease
     * stops leading instead of exiting the JVM (which in a pod restarts it).
     */
    public static OperatorInstance startReplica(KubernetesClient client, String namespace, String identity) {
        return start(client, new SimpleMeterRegistry(), new LeaderElectionConfiguration("slipway-operator", namespace,
            Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(250), identity, null, false));
    }

    /** An operator running only {@code reconciler}: what the others would do does not happen. */
    public static OperatorInstance startOnly(KubernetesClient client, Reconciler<?> reconciler) {
        return start(client, null, List.of(reconciler));
    }

    private static OperatorInstance start(KubernetesClient client, MeterRegistry registry, LeaderElectionConfiguration election) {
        SlipwayMetrics metrics = new SlipwayMetrics(registry == null ? new SimpleMeterRegistry() : registry, Clock.systemUTC());
        return start(client, election, List.of(new AppReconciler(Clock.systemUTC(), metrics),
            new ReleaseReconciler(Clock.systemUTC(), metrics), new RollbackReconciler(Clock.systemUTC(), metrics)));
    }

    private static OperatorInstance start(KubernetesClient client, LeaderElectionConfiguration election, List<Reconciler<?>> reconcilers) {
        Operator operator = new Operator(o -> {
            o.withKubernetesClient(client)
                .withCloseClientOnStop(true)
                .withUseSSAToPatchPrimaryResource(false)
                .withSSABasedCreateUpdateMatchForDependentResources(false)
                .withStopOnInformerErrorDuringStartup(false);
            if (election != null) {
                o.withLeaderElectionConfiguration(election);
            }
        });
        reconcilers.forEach(reconciler -> register(operator, reconciler));
        operator.start();
        return new OperatorInstance(operator);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void register(Operator operator, Reconciler<?> reconciler) {
        operator.register((Reconciler) reconciler);
    }

    public void stop() {
        operator.stop();
    }

    @Override
    public void close() {
        stop();
    }
}

package dev.slipway.testing;

import dev.slipway.metrics.SlipwayMetrics;
import dev.slipway.reconcile.AppReconciler;
import dev.slipway.reconcile.ReleaseReconciler;
import dev.slipway.reconcile.PromotionReconciler;
import dev.slipway.reconcile.RollbackReconciler;
import dev.slipway.runtime.LeaderElection;
import dev.slipway.runtime.LostInformerExit;
import dev.slipway.runtime.MetricsProducer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationService;
import io.javaoperatorsdk.operator.api.config.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One operator process: the production reconcilers, registered with the configuration of the packaged operator
 * (application.properties read as the operator extension reads it, the reconcilers' annotations, the production
 * metrics), except where {@link TestOverride} says. Stopping it and starting a new instance on the same API server is
 * an operator restart: all in-memory state is gone. The instance owns the client it is given and closes it when it
 * stops, as a process does when it exits, so nothing of it outlives the stop.
 */
public final class OperatorInstance implements AutoCloseable {
    /** The profile the packaged operator runs in on a cluster. */
    private static final String PROFILE = "prod";

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
        return start(operator(PackagedConfiguration.read(PROFILE), client, registry, null, reconcilers(registry)));
    }

    /**
     * One of several replicas competing for the packaged operator's Lease in namespace {@code namespace}, with the
     * timing and callbacks of {@link TestOverride#REPLICA_LEASE_TIMING} and {@link TestOverride#REPLICA_STAYS_UP}.
     */
    public static OperatorInstance startReplica(KubernetesClient client, String namespace, String identity) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        return start(operator(PackagedConfiguration.read(PROFILE), client, registry, replica(namespace, identity), reconcilers(registry)));
    }

    /** An operator running only {@code reconciler}: what the others would do does not happen. */
    public static OperatorInstance startOnly(KubernetesClient client, Reconciler<?> reconciler) {
        return start(operator(PackagedConfiguration.read(PROFILE), client, new SimpleMeterRegistry(), null, List.of(reconciler)));
    }

    /** How the packaged operator configures its controller named {@code controller} ({@code AppReconciler.NAME}, …). */
    public static ControllerConfiguration<?> packaged(String controller) {
        PackagedConfiguration configuration = PackagedConfiguration.read(PROFILE);
        ConfigurationService service = configuration.configurationService(o -> { });
        return reconcilers(new SimpleMeterRegistry()).stream()
            .<ControllerConfiguration<?>>map(reconciler -> configured(configuration, service, reconciler))
            .filter(c -> c.getName().equals(controller))
            .findFirst().orElseThrow(() -> new IllegalArgumentException("no controller named " + controller));
    }

    /** The Lease settings of a replica: the packaged operator's, but for {@link TestOverride}'s. */
    static LeaderElectionConfiguration replica(String namespace, String identity) {
        return new LeaderElectionConfiguration(LeaderElection.LEASE_NAME, namespace, Duration.ofSeconds(3), Duration.ofSeconds(2),
            Duration.ofMillis(250), identity, null, false);
    }

    /** The production reconcilers, as the packaged operator makes them. */
    static List<Reconciler<?>> reconcilers(MeterRegistry registry) {
        SlipwayMetrics metrics = new MetricsProducer().slipwayMetrics(registry);
        return List.of(new AppReconciler(Clock.systemUTC(), metrics), new ReleaseReconciler(Clock.systemUTC(), metrics),
            new RollbackReconciler(Clock.systemUTC(), metrics), new PromotionReconciler(Clock.systemUTC(), metrics));
    }

    /** An operator with {@code reconcilers} registered, not started. */
    static Operator operator(PackagedConfiguration configuration, KubernetesClient client, MeterRegistry registry,
                             LeaderElectionConfiguration election, List<Reconciler<?>> reconcilers) {
        AtomicReference<Operator> started = new AtomicReference<>();
        ConfigurationService service = configuration.configurationService(o -> {
            o.withKubernetesClient(client).withMetrics(new MetricsProducer().reconcileMetrics(registry))
                .withInformerStoppedHandler(new LostInformerExit(code -> stopAsProcessExit(started.get())));
            if (election != null) {
                o.withLeaderElectionConfiguration(election);
            }
        });
        Operator operator = new Operator(service);
        started.set(operator);
        reconcilers.forEach(reconciler -> register(operator, service, configuration, reconciler));
        return operator;
    }

    /** As Quarkus.asyncExit: the stop runs on its own thread, not on the informer's that asked for it. */
    private static void stopAsProcessExit(Operator operator) {
        new Thread(operator::stop, "operator-exit").start();
    }

    private static <R extends HasMetadata> void register(Operator operator, ConfigurationService service,
                                                         PackagedConfiguration configuration, Reconciler<R> reconciler) {
        operator.register(reconciler, configured(configuration, service, reconciler));
    }

    private static <R extends HasMetadata> ControllerConfiguration<R> configured(PackagedConfiguration configuration,
                                                                               ConfigurationService service, Reconciler<R> reconciler) {
        return configuration.controller(service.getConfigurationFor(reconciler));
    }

    private static OperatorInstance start(Operator operator) {
        operator.start();
        return new OperatorInstance(operator);
    }

    public void stop() {
        operator.stop();
    }

    @Override
    public void close() {
        stop();
    }
}

package dev.slipway.testing;

import dev.slipway.metrics.SlipwayMetrics;
import dev.slipway.reconcile.AppReconciler;
import dev.slipway.reconcile.ReleaseReconciler;
import dev.slipway.reconcile.RollbackReconciler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;

/**
 * One operator process: the production reconcilers, registered with the configuration the Quarkus build
 * uses (annotations on the reconcilers, server-side apply off). Stopping it and starting a new instance on
 * the same API server is an operator restart: all in-memory state is gone.
 */
public final class OperatorInstance implements AutoCloseable {
    private final Operator operator;

    private OperatorInstance(Operator operator) {
        this.operator = operator;
    }

    public static OperatorInstance start(KubernetesClient client) {
        return start(client, new SimpleMeterRegistry());
    }

    public static OperatorInstance start(KubernetesClient client, MeterRegistry registry) {
        Operator operator = new Operator(o -> o
            .withKubernetesClient(client)
            .withCloseClientOnStop(false)
            .withUseSSAToPatchPrimaryResource(false)
            .withSSABasedCreateUpdateMatchForDependentResources(false));
        operator.register(new AppReconciler(Clock.systemUTC(), new SlipwayMetrics(registry, Clock.systemUTC())));
        operator.register(new ReleaseReconciler());
        operator.register(new RollbackReconciler());
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

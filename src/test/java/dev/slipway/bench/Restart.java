package dev.slipway.bench;

import dev.slipway.testing.OperatorJvm;
import dev.slipway.testing.OperatorProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An operator restart with a converged fleet: time to ready, time until every App has been reconciled
 * once (JOSDK's reconcile counter), and the writes that caused, which should be none.
 */
final class Restart {
    static final String RECONCILED = "operator_sdk_reconciliations_success_total";
    private static final Duration LIMIT = Duration.ofMinutes(2);

    record Result(Duration ready, Duration allReconciled, List<String> writes) {
    }

    private final BenchCluster cluster;

    Restart(BenchCluster cluster) {
        this.cluster = cluster;
    }

    Result run(int apps, Map<String, String> properties) throws IOException, InterruptedException {
        return run(apps, properties, OperatorJvm.asImage());
    }

    /** The same on a chosen JVM and start-up archive. */
    Result run(int apps, Map<String, String> properties, OperatorJvm jvm) throws IOException, InterruptedException {
        cluster.stopOperator();
        long start = System.nanoTime();
        Duration ready = cluster.startOperator(properties, jvm);
        OperatorProcess operator = cluster.operator();
        Poll.until(apps + " App reconciles", Duration.ofMillis(50), LIMIT, () -> appReconciles(operator) >= apps);
        Duration all = operator.sinceStart();
        return new Result(ready, all, cluster.timeline.operatorWriteKindsSince(start));
    }

    static double appReconciles(OperatorProcess operator) {
        try {
            return operator.metric(RECONCILED, "kind=\"App\"");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

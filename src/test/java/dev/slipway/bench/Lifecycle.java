package dev.slipway.bench;

import dev.slipway.testing.OperatorProcess;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Stop and handover as a rolling upgrade or a node drain does them: a leader and a standby, both packaged operators
 * on the empty cluster; SIGTERM to the leader; its time to exit, and the time from its exit until the standby holds
 * the Lease. Each round leaves the standby leading and starts a new standby beside it.
 */
final class Lifecycle {
    /** A kubelet's default grace period: a stop that takes longer would be a SIGKILL in a pod. */
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final Duration START = Duration.ofSeconds(90);
    static final String LEASE_NAMESPACE = "slipway-system";
    static final String LEASE_NAME = "slipway-operator";

    record Result(Samples stop, Samples handover) {
    }

    private final BenchCluster cluster;

    Lifecycle(BenchCluster cluster) {
        this.cluster = cluster;
    }

    Result run(int rounds) throws Exception {
        Samples stop = new Samples();
        Samples handover = new Samples();
        OperatorProcess leader = start("lifecycle-0");
        leader.awaitReady(START);
        awaitHolder("lifecycle-0");
        for (int round = 1; round <= rounds; round++) {
            String standbyName = "lifecycle-" + round;
            OperatorProcess standby = start(standbyName);
            standby.awaitReady(START);
            Optional<Duration> stopped = leader.terminate(GRACE);
            long exited = System.nanoTime();
            if (stopped.isEmpty()) {
                leader.kill();
                standby.kill();
                throw new IllegalStateException("the leader did not exit within " + GRACE.toSeconds() + " s of SIGTERM");
            }
            stop.add(stopped.get());
            awaitHolder(standbyName);
            handover.add(Duration.ofNanos(System.nanoTime() - exited));
            leader = standby;
        }
        leader.terminate(GRACE);
        return new Result(stop, handover);
    }

    private OperatorProcess start(String replica) throws Exception {
        return OperatorProcess.start(cluster.api.url(), Path.of("target", "bench", replica + ".log"), Map.of(), Map.of("HOSTNAME", replica));
    }

    private void awaitHolder(String replica) throws InterruptedException {
        Poll.until(replica + " to lead", Duration.ofMillis(20), START, () -> {
            Lease lease = cluster.client.leases().inNamespace(LEASE_NAMESPACE).withName(LEASE_NAME).get();
            String holder = lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
            return holder != null && holder.startsWith(replica + "-");
        });
    }
}

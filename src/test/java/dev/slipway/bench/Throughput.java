package dev.slipway.bench;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Many apps, many releases each, all created at once: how long until every app runs its newest release. */
final class Throughput {
    /**
     * Only catches a run that went wrong: on this machine the in-process API server alone needs minutes for a
     * round, and a round's real duration is the result, however far past the target it is.
     */
    static final Duration LIMIT = Duration.ofMinutes(30);
    /** How often the benchmark checks for convergence; the result is exact to within this. */
    static final Duration POLL = Duration.ofMillis(250);
    /** Client threads creating releases: enough that creation is not what is measured. */
    private static final int CREATORS = 16;

    /** {@code converged} is null when the round hit {@link #LIMIT}; {@code appsDone} says how far it got. */
    record Result(Duration converged, Duration created, long operatorWrites, long operatorReads, int releases,
                  Map<String, Long> requests, long appsDone, String hostCpu) {
    }

    private final BenchCluster cluster;
    private final Fleet fleet;

    Throughput(BenchCluster cluster, Fleet fleet) {
        this.cluster = cluster;
        this.fleet = fleet;
    }

    Result run(int firstBuild, int perApp) throws InterruptedException {
        cluster.timeline.clear();
        HostCpu cpuAtStart = HostCpu.now();
        long start = System.nanoTime();
        fleet.createReleases(firstBuild, perApp, CREATORS);
        Duration created = Duration.ofNanos(System.nanoTime() - start);
        int newest = firstBuild + perApp - 1;
        Duration converged;
        try {
            Poll.until("every app to run build " + newest, POLL, LIMIT, () -> fleet.allRunning(newest));
            converged = Duration.ofNanos(System.nanoTime() - start);
        } catch (IllegalStateException timedOut) {
            converged = null;
        }
        var operator = cluster.timeline.since(start, r -> r.fromOperator() && !r.isLease());
        long writes = operator.stream().filter(RequestTimeline.Request::isWrite).count();
        long reads = operator.stream().filter(RequestTimeline.Request::isRead).count();
        Map<String, Long> requests = operator.stream()
            .collect(Collectors.groupingBy(RequestTimeline.Request::kind, TreeMap::new, Collectors.counting()));
        cluster.timeline.clear();
        return new Result(converged, created, writes, reads, perApp * fleet.apps.size(), requests, fleet.running(newest),
            HostCpu.now().sharesSince(cpuAtStart));
    }
}

package dev.slipway.bench;

import dev.slipway.bench.RequestTimeline.Request;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Release create to Deployment updated, and to Release Active, for a fleet whose apps all deploy at once,
 * round after round. Times are taken on one clock: the create is stamped just before the request is
 * sent, the operator's writes as they arrive at the API server.
 */
final class ReleaseLatency {
    /** A round converges in well under a second; this bound only stops a benchmark whose operator is stuck. */
    private static final Duration ROUND_LIMIT = Duration.ofSeconds(120);
    /** Writes are stamped where they land; polling only decides how soon the next round can start. */
    private static final Duration WRITE_POLL = Duration.ofMillis(2);

    record Result(Samples toDeployment, Samples toActive, Samples criticalReads, Samples criticalWrites,
                  Map<String, Double> requestsPerRelease, int releases) {
        double readsPerRelease() {
            return requestsPerRelease.entrySet().stream().filter(e -> e.getKey().startsWith("GET")).mapToDouble(Map.Entry::getValue).sum();
        }

        double writesPerRelease() {
            return requestsPerRelease.entrySet().stream().filter(e -> !e.getKey().startsWith("GET")).mapToDouble(Map.Entry::getValue).sum();
        }
    }

    private final BenchCluster cluster;
    private final Fleet fleet;

    ReleaseLatency(BenchCluster cluster, Fleet fleet) {
        this.cluster = cluster;
        this.fleet = fleet;
    }

    /** Deploys {@code rounds} new releases to every app of the fleet, all apps at once in each round. */
    Result run(int firstBuild, int rounds) throws InterruptedException {
        Samples toDeployment = new Samples();
        Samples toActive = new Samples();
        Samples criticalReads = new Samples();
        Samples criticalWrites = new Samples();
        Map<String, Integer> requests = new TreeMap<>();
        cluster.timeline.clear();
        long start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            int build = firstBuild + round;
            Map<String, Long> created = new ConcurrentHashMap<>();
            fleet.apps.parallelStream().forEach(app -> {
                long sent = System.nanoTime();
                fleet.create(fleet.release(app, build));
                created.put(app, sent);
            });
            for (String app : fleet.apps) {
                String release = app + "-b" + build;
                long sent = created.get(app);
                Request active = awaitWrite(sent, r -> r.phase() != null && "Active".equals(r.phase())
                    && r.path().contains("/releases/" + release + "/status"), release + " to become Active");
                Request deployment = first(sent, r -> r.path().contains("/deployments/" + app + "-web"))
                    .orElseThrow(() -> new IllegalStateException(release + " became Active without a Deployment update"));
                toDeployment.add(Duration.ofNanos(deployment.nanos() - sent));
                toActive.add(Duration.ofNanos(active.nanos() - sent));
                List<Request> critical = cluster.timeline.since(sent, r -> r.fromOperator() && r.nanos() <= deployment.nanos()
                    && (r.path().contains(app) || !r.path().contains("/namespaces/" + fleet.namespace + "/")));
                criticalReads.add(critical.stream().filter(Request::isRead).count());
                criticalWrites.add(critical.stream().filter(Request::isWrite).count());
            }
            // The next round starts from rest: the App status write that ends this pass has landed.
            Poll.until("the apps to report build " + build, Duration.ofMillis(20), ROUND_LIMIT, () -> fleet.allRunning(build));
        }
        cluster.timeline.since(start, r -> r.fromOperator() && !r.isLease()).forEach(r -> requests.merge(r.kind(), 1, Integer::sum));
        int releases = rounds * fleet.apps.size();
        Map<String, Double> perRelease = new TreeMap<>();
        requests.forEach((kind, count) -> perRelease.put(kind, count / (double) releases));
        return new Result(toDeployment, toActive, criticalReads, criticalWrites, perRelease, releases);
    }

    private Optional<Request> first(long since, java.util.function.Predicate<Request> filter) {
        return cluster.timeline.since(since, r -> r.fromOperator() && r.isWrite() && filter.test(r)).stream().findFirst();
    }

    private Request awaitWrite(long since, java.util.function.Predicate<Request> filter, String what) throws InterruptedException {
        return Poll.until(what, WRITE_POLL, ROUND_LIMIT, () -> first(since, filter));
    }
}

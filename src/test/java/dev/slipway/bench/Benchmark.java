package dev.slipway.bench;

import dev.slipway.testing.OperatorJvm;
import dev.slipway.testing.OperatorProcess;
import dev.slipway.testing.PodJvm;
import dev.slipway.model.Release;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * `make bench`: the packaged operator, as its own JVM, against the in-process API server and the
 * Deployment-controller fixture. Measures reaction latency beside the floor, throughput, requests per
 * release, idle writes, memory and restart, prints a table and writes it into docs/benchmarks.md.
 */
public final class Benchmark {
    static final Path REPORT = Path.of("docs/benchmarks.md");
    /** A max reconciliation interval short enough that a 60 s idle window holds several resyncs of every App. */
    static final String RESYNC_INTERVAL = "PT20S";
    /** No write for this long means the operator has finished what the previous step gave it. */
    static final Duration QUIET = Duration.ofSeconds(5);

    private final BenchCluster cluster;
    private final Scale scale;
    private final Report report;

    private Benchmark(BenchCluster cluster, Scale scale, Report report) {
        this.cluster = cluster;
        this.scale = scale;
        this.report = report;
    }

    public static void main(String[] args) throws IOException {
        Scale scale = Scale.fromEnvironment();
        MachineInfo machine = MachineInfo.read();
        machine.lines().forEach(System.out::println);
        Report report = new Report(machine, "bench");
        OperatorJvm measured = OperatorJvm.asImage();
        report.setting("Scale: " + scale.name() + "; the operator runs as `java " + String.join(" ", PodJvm.fromDeployment().options())
            + " " + String.join(" ", measured.options()) + " -jar quarkus-run.jar` in target/quarkus-app on " + measured.label()
            + " (the pod's options: testing/PodJvm; the image runs JDK 25 with the AOT cache); start-up compares the set-ups side by side");
        int exit = 0;
        HostCpu cpuAtStart = HostCpu.now();
        try (BenchCluster cluster = BenchCluster.start(Path.of("target/bench/operator.log"))) {
            new Benchmark(cluster, scale, report).run(measured);
        } catch (Exception e) {
            System.err.println("BENCHMARK FAILED: " + e.getMessage() + " (operator log: target/bench/operator.log)");
            e.printStackTrace();
            // What was measured before the failure is still a result; the block says where the run stopped.
            report.row("The run stopped early", e.getMessage());
            exit = 1;
        }
        String cpu = "CPU time of the machine during the run: " + HostCpu.now().sharesSince(cpuAtStart);
        System.out.println(cpu);
        report.setting(cpu);
        if (scale == Scale.FULL) {
            report.writeInto(REPORT);
            System.out.println("written into " + REPORT);
        }
        System.exit(exit);
    }

    private void run(OperatorJvm measured) throws Exception {
        lifecycle();
        startup();
        // The sections above start and stop operators of their own; every section below measures this one.
        cluster.startOperator(Map.of(), measured);
        ReleaseLatency.Result solo = latency("1 app", new Fleet(cluster.client, "bench-solo", 1, 10), scale.soloReleases());
        ReleaseLatency.Result busy = latency(scale.busyApps() + " apps busy",
            new Fleet(cluster.client, "bench-busy", scale.busyApps(), 10), scale.busyRounds());
        requestsPerRelease(solo);
        snapshotRequests(solo);
        floor(solo, busy);
        Fleet fleet = new Fleet(cluster.client, "bench-fleet", scale.fleetApps(), scale.historyLimit());
        throughput(fleet);
        memory();
        idle("converged, no resync", scale.idle());
        restarts(fleet);
        idle("converged, every App resynced every " + RESYNC_INTERVAL.substring(2).toLowerCase(), scale.idle());
    }

    /** Before anything else runs: the replicas of this phase would otherwise reconcile beside the bench's operator. */
    private void lifecycle() throws Exception {
        Lifecycle.Result result = new Lifecycle(cluster).run(scale.starts());
        report.row("SIGTERM to exit, leading replica (ms)", result.stop().summary("%.0f"), "≤ 5000 (every one)", result.stop().max() <= 5000);
        report.row("Leader exit to standby leading (ms)", result.handover().summary("%.0f"), "≤ 2000 (every one)", result.handover().max() <= 2000);
    }

    private void startup() throws Exception {
        StartupComparison.report(report, new StartupComparison(cluster, StartupComparison.setUps()).run(scale.startupRounds()), "empty cluster");
    }

    private ReleaseLatency.Result latency(String label, Fleet fleet, int rounds) throws InterruptedException {
        fleet.createApps();
        fleet.createReleases(0, 1, 8);
        Poll.until(label + " to run their first release", Duration.ofMillis(100), Duration.ofMinutes(2), () -> fleet.allRunning(0));
        ReleaseLatency.Result result = new ReleaseLatency(cluster, fleet).run(1, rounds);
        String p = "p50 %.1f, p99 %.1f (n=%d)";
        report.row("Release create → Deployment updated, " + label + " (ms)", String.format(p, result.toDeployment().median(),
            result.toDeployment().percentile(99), result.toDeployment().count()));
        report.row("Release create → Release Active, " + label + " (ms)", String.format(p, result.toActive().median(),
            result.toActive().percentile(99), result.toActive().count()));
        return result;
    }

    private void requestsPerRelease(ReleaseLatency.Result solo) {
        double events = solo.requestsPerRelease().getOrDefault("POST events", 0.0);
        double deployment = solo.requestsPerRelease().getOrDefault("PUT deployments", 0.0);
        double pruning = solo.requestsPerRelease().getOrDefault("DELETE releases", 0.0);
        double state = solo.writesPerRelease() - events - deployment - pruning;
        report.row("API reads per deploy release (1 app)", String.format("%.2f", solo.readsPerRelease()), "0 (minimum)",
            solo.readsPerRelease() == 0);
        report.row("State writes per deploy release beyond the Deployment (1 app)", String.format("%.2f", state), "≤ 4", state <= 4);
        report.row("Event writes per deploy release (1 app)", String.format("%.2f", events));
        report.row("Pruning deletes per deploy release (1 app, past its historyLimit)", String.format("%.2f", pruning));
        List<String> lines = new ArrayList<>(List.of("| Request | Per deploy release |", "|---|---|"));
        solo.requestsPerRelease().forEach((kind, count) -> lines.add(String.format("| %s | %.2f |", kind, count)));
        report.section("Operator requests per deploy release (1 app, " + solo.releases() + " releases; lease renewals excluded)", lines);
    }

    /**
     * The same deploys on an App whose envFrom (a Secret and a ConfigMap) is snapshotted per release
     * (App.spec.snapshotEnvFrom): what the snapshots add to a deploy, kind by kind.
     */
    private void snapshotRequests(ReleaseLatency.Result solo) throws InterruptedException {
        // The busy section's events are still being sent in the background; they are not this section's requests.
        cluster.awaitQuiet(QUIET);
        ReleaseLatency.Result snapshotted = latency("1 app with env snapshots", new Fleet(cluster.client, "bench-snapshots", 1, 10, true),
            scale.soloReleases());
        double extraWrites = snapshotted.writesPerRelease() - solo.writesPerRelease();
        double extraReads = snapshotted.readsPerRelease() - solo.readsPerRelease();
        report.row("Extra requests per deploy release with env snapshots (1 app, a Secret and a ConfigMap)",
            String.format("%.2f writes, %.2f reads", extraWrites, extraReads));
        List<String> lines = new ArrayList<>(List.of("| Request | Per deploy release | Without snapshots |", "|---|---|---|"));
        snapshotted.requestsPerRelease().forEach((kind, count) -> lines.add(String.format("| %s | %.2f | %.2f |", kind, count,
            solo.requestsPerRelease().getOrDefault(kind, 0.0))));
        report.section("Operator requests per deploy release with env snapshots (1 app, " + snapshotted.releases()
            + " releases; lease renewals excluded)", lines);
    }

    private void floor(ReleaseLatency.Result solo, ReleaseLatency.Result busy) throws InterruptedException {
        int reads = (int) busy.criticalReads().median();
        int writes = (int) busy.criticalWrites().median();
        report.setting(String.format("Floor: a plain client that watches a trigger and answers it with %d reads and %d sequential writes,"
            + " the median the operator made between a Release create and its Deployment write", reads, writes));
        var floorClient = cluster.api.newClient(FloorProbe.AGENT, BenchCluster.REQUEST_TIMEOUT);
        Samples soloFloor;
        Samples busyFloor;
        try (FloorProbe probe = new FloorProbe(floorClient, cluster.timeline, "bench-floor-solo", reads, writes)) {
            soloFloor = probe.run(1, scale.soloReleases());
        }
        try (FloorProbe probe = new FloorProbe(floorClient, cluster.timeline, "bench-floor-busy", reads, writes)) {
            busyFloor = probe.run(scale.busyApps(), scale.busyRounds());
        }
        String p = "p50 %.1f, p99 %.1f (n=%d)";
        report.row("Floor, 1 app (ms)", String.format(p, soloFloor.median(), soloFloor.percentile(99), soloFloor.count()));
        report.row("Floor, " + scale.busyApps() + " apps busy (ms)", String.format(p, busyFloor.median(), busyFloor.percentile(99), busyFloor.count()));
        double soloRatio = solo.toDeployment().percentile(99) / soloFloor.percentile(99);
        double busyP99 = busy.toDeployment().percentile(99);
        double busyRatio = busyP99 / busyFloor.percentile(99);
        report.row("p99 Release create → Deployment updated / floor p99, 1 app", String.format("%.2f×", soloRatio));
        report.row("p99 Release create → Deployment updated, " + scale.busyApps() + " apps busy (ms)", String.format("%.1f", busyP99),
            "< 100", busyP99 < 100);
        report.row("… the same / floor p99, " + scale.busyApps() + " apps busy", String.format("%.2f×", busyRatio), "≤ 3×", busyRatio <= 3);
    }

    private void throughput(Fleet fleet) throws InterruptedException {
        fleet.createApps();
        Samples converged = new Samples();
        for (int round = 0; round < scale.fleetRounds(); round++) {
            Throughput.Result result = new Throughput(cluster, fleet).run(round * scale.releasesPerApp(), scale.releasesPerApp());
            List<String> lines = new ArrayList<>(List.of("| Request | Count | Per release |", "|---|---|---|"));
            result.requests().forEach((kind, count) -> lines.add(String.format("| %s | %d | %.2f |", kind, count, count / (double) result.releases())));
            report.section(String.format("Operator requests, throughput round %d (%d releases; lease renewals excluded)", round + 1, result.releases()), lines);
            String label = String.format("%d apps × %d releases at once, round %d: converged (s)", scale.fleetApps(), scale.releasesPerApp(), round + 1);
            String load = String.format("creating them took %.1f s; operator: %d writes, %d reads, lease renewals excluded; machine CPU: %s",
                result.created().toMillis() / 1000.0, result.operatorWrites(), result.operatorReads(), result.hostCpu());
            if (result.converged() == null) {
                throw new IllegalStateException(String.format("%s: not within %d min: %d of %d apps ran their newest release (%s)",
                    label, Throughput.LIMIT.toMinutes(), result.appsDone(), scale.fleetApps(), load));
            }
            converged.add(result.converged());
            report.row(label, String.format("%.1f (%s)", result.converged().toMillis() / 1000.0, load), "< 60", result.converged().toSeconds() < 60);
        }
        if (converged.count() > 0) {
            report.row("… median of the rounds (ms)", converged.summary("%.0f"));
        }
    }

    private void memory() throws Exception {
        OperatorProcess operator = cluster.operator();
        int releases = cluster.client.resources(Release.class).inAnyNamespace().list().getItems().size();
        long heap = operator.heapAfterFullGcBytes();
        long rss = operator.rssBytes();
        report.row(String.format("Heap after full GC, %d apps + %d releases cached (MiB)", scale.fleetApps() + scale.busyApps() + 1, releases),
            String.format("%.0f", heap / 1048576.0), "< 256", heap < 256L * 1048576);
        report.row("Process RSS, same moment (MiB)", String.format("%.0f", rss / 1048576.0));
        CacheFootprint.Result footprint = new CacheFootprint().measure();
        report.row("Heap per cached Release as a real server sends it, kubectl-applied (KiB)", String.format(
            "%.1f as sent, %.1f as cached (managedFields and last-applied dropped)", footprint.rawKiB(), footprint.leanKiB()));
        double extra = footprint.snapshotsKiB() - footprint.leanKiB();
        report.row("… the same with env snapshots (two sources of two keys), as cached (KiB)", String.format(
            "%.1f: %.1f more per release, %.0f MiB more at 20,000 releases", footprint.snapshotsKiB(), extra, extra * 20_000 / 1024));
    }

    private void idle(String label, Duration window) throws InterruptedException {
        Duration settled = cluster.awaitQuiet(QUIET);
        long start = System.nanoTime();
        double reconcilesBefore = Restart.appReconciles(cluster.operator());
        // The window is the measurement: nothing happens in it but what the operator does by itself.
        Thread.sleep(window.toMillis());
        long writes = cluster.timeline.operatorWritesSince(start);
        long leases = cluster.timeline.leaseWritesSince(start);
        double reconciles = Restart.appReconciles(cluster.operator()) - reconcilesBefore;
        report.row(String.format("Idle writes over %d s, %s", window.toSeconds(), label),
            String.format("%d (App reconciles in the window: %.0f; lease renewals: %d; the window began when no write had come for %d s, %.0f s after the previous step)",
                writes, reconciles, leases, QUIET.toSeconds(), settled.toMillis() / 1000.0), "0", writes == 0);
    }

    private void restarts(Fleet fleet) throws Exception {
        Samples ready = new Samples();
        Samples reconciled = new Samples();
        Samples floor = new Samples();
        List<String> writes = new ArrayList<>();
        int apps = scale.fleetApps() + scale.busyApps() + 1;
        for (int i = 0; i < scale.restarts(); i++) {
            floor.add(new ListFloor(cluster.api).measure());
            Restart.Result result = new Restart(cluster).run(apps, Map.of(
                "quarkus.operator-sdk.controllers.app.max-reconciliation-interval", RESYNC_INTERVAL));
            ready.add(result.ready());
            reconciled.add(result.allReconciled());
            writes.addAll(result.writes());
        }
        report.row("Restart to ready, " + apps + " apps cached (ms)", ready.summary("%.0f"), "< 3000", ready.median() < 3000);
        report.row("Restart to all " + apps + " apps reconciled (ms)", reconciled.summary("%.0f"));
        report.row("Floor: a new client lists every kind the operator caches (ms)", floor.summary("%.0f"));
        double ratio = reconciled.median() / floor.median();
        report.row("All apps reconciled / floor (medians)", String.format("%.2f×", ratio), "≤ 1.5×", ratio <= 1.5);
        report.row("Writes caused by the restarts", writes.isEmpty() ? "0" : writes.size() + " " + writes, "0", writes.isEmpty());
    }
}

package dev.slipway.bench;

import dev.slipway.testing.OperatorJvm;
import dev.slipway.testing.OperatorProcess;
import dev.slipway.testing.PodJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * `make bench-restart`: restart and memory at issue 14's scale (1,200 Apps, about 21,000 Releases) in minutes.
 * One App is deployed through the operator, then copied with everything the operator made for it
 * ({@link FleetCopies}); the operator, on the JVM the image runs, converges the copies once, and then each round
 * measures the list floor (warm, in this JVM, and as a new process) and a restart, in turn. Memory is read at the
 * end, after every App was reconciled. BENCH_QUICK=1 runs 100 Apps and two rounds and writes nothing;
 * -Dbench.apps=N sets the number of Apps (for profiling, with -Dbench.jvm-options, see {@link OperatorProcess}).
 */
public final class RestartBenchmark {
    private static final int FULL_APPS = 1200;
    private static final int QUICK_APPS = 100;
    /** Releases per App: the full benchmark's fleet holds 21,211 for 1,201 Apps, 17.7 each. */
    private static final int RELEASES_PER_APP = 18;
    private static final int ROUNDS = 5;
    private static final Duration LIMIT = Duration.ofMinutes(5);
    /** The first start on the copies may have to write (statuses the copy could not make exact); that is set-up, not measured. */
    private static final Duration SET_UP_LIMIT = Duration.ofMinutes(20);

    private static final String NATIVE_MEMORY_TRACKING = "-XX:NativeMemoryTracking=summary";

    private final BenchCluster cluster;
    private final OperatorJvm jvm;
    private final Report report;

    private RestartBenchmark(BenchCluster cluster, OperatorJvm jvm, Report report) {
        this.cluster = cluster;
        this.jvm = jvm;
        this.report = report;
    }

    public static void main(String[] args) throws Exception {
        Scale scale = Scale.fromEnvironment();
        MachineInfo machine = MachineInfo.read();
        machine.lines().forEach(System.out::println);
        OperatorJvm jvm = OperatorJvm.asImage();
        Report report = new Report(machine, "bench-restart");
        report.setting("the operator runs as the image runs it, " + jvm.label() + ": `java " + String.join(" ", PodJvm.fromDeployment().options())
            + " " + String.join(" ", jvm.options()) + " -jar quarkus-run.jar` (the pod's options, testing/PodJvm) in target/quarkus-app, against the in-process API server");
        HostCpu cpuAtStart = HostCpu.now();
        int exit = 0;
        try (BenchCluster cluster = BenchCluster.start(Path.of("target/bench/restart.log"))) {
            new RestartBenchmark(cluster, jvm, report).run(Integer.getInteger("bench.apps", scale == Scale.FULL ? FULL_APPS : QUICK_APPS),
                scale == Scale.FULL ? ROUNDS : 2);
        } catch (Exception e) {
            System.err.println("BENCHMARK FAILED: " + e.getMessage() + " (operator log: target/bench/restart.log)");
            e.printStackTrace();
            report.row("The run stopped early", e.getMessage());
            exit = 1;
        }
        String cpu = "CPU time of the machine during the run: " + HostCpu.now().sharesSince(cpuAtStart);
        System.out.println(cpu);
        report.setting(cpu);
        if (scale == Scale.FULL && exit == 0) {
            report.writeInto(Benchmark.REPORT);
            System.out.println("written into " + Benchmark.REPORT);
        }
        System.exit(exit);
    }

    private void run(int apps, int rounds) throws Exception {
        FleetCopies copies = seed();
        long copyStart = System.nanoTime();
        List<String> namespaces = IntStream.range(1, apps).mapToObj(i -> String.format("fleet%04d", i)).toList();
        copies.into(namespaces, 8);
        int releases = apps * copies.releasesPerCopy();
        report.setting(String.format("fleet: %d Apps and %d Releases (one App deployed %d times through the operator, then copied"
            + " with its ledger, Deployment and Service into %d namespaces in %.0f s)", apps, releases, RELEASES_PER_APP,
            namespaces.size(), (System.nanoTime() - copyStart) / 1e9));

        long convergeStart = System.nanoTime();
        cluster.startOperator(Map.of(), jvm);
        Poll.until(apps + " App reconciles", Duration.ofMillis(50), SET_UP_LIMIT, () -> Restart.appReconciles(cluster.operator()) >= apps);
        List<String> firstWrites = cluster.timeline.operatorWriteKindsSince(convergeStart);
        report.row("Writes of the first start on the copied fleet", firstWrites.size() + summary(firstWrites));

        Samples ready = new Samples();
        Samples reconciled = new Samples();
        Samples warmFloor = new Samples();
        Samples processFloor = new Samples();
        // Each restart over the floor measured just before it: the machine's pace drifts between rounds and runs.
        Samples pairedRatios = new Samples();
        List<String> writes = new ArrayList<>();
        Path floorJava = jvm.java();
        for (int round = 0; round < rounds; round++) {
            warmFloor.add(new ListFloor(cluster.api).measure());
            Duration floor = new ListFloor(cluster.api).measureAsProcess(floorJava);
            processFloor.add(floor);
            Restart.Result result = new Restart(cluster).run(apps, Map.of(), jvm);
            ready.add(result.ready());
            reconciled.add(result.allReconciled());
            double overFloor = (double) result.allReconciled().toNanos() / floor.toNanos();
            pairedRatios.add(overFloor);
            writes.addAll(result.writes());
            System.out.printf("  round %d: floor %d ms, ready %d ms, all reconciled %d ms (%.2f×)%n", round + 1, floor.toMillis(),
                result.ready().toMillis(), result.allReconciled().toMillis(), overFloor);
        }
        report.row("Restart to ready, " + apps + " apps cached (ms)", ready.summary("%.0f"));
        report.row("Restart to all " + apps + " apps reconciled (ms)", reconciled.summary("%.0f"));
        report.row("Floor: a new JVM with a bare client lists every kind the operator caches (ms)", processFloor.summary("%.0f"));
        report.row("Floor, warm: the same lists from a new client in the benchmark's JVM (ms)", warmFloor.summary("%.0f"));
        double ratio = reconciled.median() / processFloor.median();
        report.row("All apps reconciled / floor (medians)", String.format("%.2f× (%.2f× of the warm floor)", ratio,
            reconciled.median() / warmFloor.median()), "≤ 1.5×", ratio <= 1.5);
        report.row("Each restart / the floor measured just before it (median of the rounds)", pairedRatios.summary("%.2f×"), "≤ 1.5×",
            pairedRatios.median() <= 1.5);
        report.row("Writes caused by the restarts", writes.isEmpty() ? "0" : writes.size() + summary(writes), "0", writes.isEmpty());
        memory(apps, releases);
    }

    /** One App deployed {@link #RELEASES_PER_APP} times through the operator, which is then stopped. */
    private FleetCopies seed() throws Exception {
        Fleet seed = new Fleet(cluster.client, "fleet0000", 1, 30);
        cluster.client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
            .withName(seed.namespace).endMetadata().build()).create();
        cluster.startOperator(Map.of(), jvm);
        seed.createApps();
        // One deploy after the other, as a CI pipeline does: releases created in the same second are numbered by name.
        for (int build = 0; build < RELEASES_PER_APP; build++) {
            String release = seed.create(seed.release(seed.apps.get(0), build)).getMetadata().getName();
            Poll.until(release + " to run", Duration.ofMillis(50), LIMIT, () -> seed.isActive(release));
        }
        cluster.awaitQuiet(Benchmark.QUIET);
        cluster.stopOperator();
        return new FleetCopies(cluster.client, seed.namespace);
    }

    /**
     * Heap and RSS with every App reconciled: as the pod in deploy/ runs (its collector, testing/PodJvm), and with
     * the other collectors the pod could run: the image's default (Parallel), G1 (what a JVM chooses by itself on a
     * machine with 2 CPUs and about 2 GiB) and the pod's with the JVM's default tiers (C2 beside the pod's C1 only).
     * One of those that does not come up (out of heap) is reported and the next is measured; the deployed set-up
     * failing ends the run.
     */
    private void memory(int apps, int releases) throws Exception {
        PodJvm pod = PodJvm.fromDeployment();
        long limit = pod.memoryLimitBytes();
        Path gcLog = Path.of("target/bench/restart-gc.log");
        for (List<String> options : List.of(List.of(NATIVE_MEMORY_TRACKING, GcLog.option(gcLog)), List.of("-XX:+UseParallelGC"),
                List.of("-XX:+UseG1GC"), List.of("-XX:TieredStopAtLevel=4"))) {
            boolean deployed = options.contains(NATIVE_MEMORY_TRACKING);
            String label = deployed ? "as deployed" : String.join(" ", options);
            OperatorJvm variant = jvm.with(options.toArray(String[]::new));
            Restart.Result restart;
            try {
                restart = new Restart(cluster).run(apps, Map.of(), variant);
            } catch (IllegalStateException failed) {
                if (deployed) {
                    throw failed;
                }
                // Another collector that cannot hold this fleet is a finding about that collector, not the end of the run.
                boolean outOfHeap = failed.getMessage().contains("exited with 3 ");
                report.row(String.format("%s: restart to all %d apps reconciled", label, apps), "failed: " + failed.getMessage()
                    + (outOfHeap ? " (3: out of heap, -XX:+ExitOnOutOfMemoryError)" : ""));
                cluster.stopOperator();
                // A JVM that died of its heap did not hand its Lease back; the next set-up must not wait out its term.
                cluster.client.leases().inNamespace(Lifecycle.LEASE_NAMESPACE).withName(Lifecycle.LEASE_NAME).delete();
                continue;
            }
            cluster.awaitQuiet(Benchmark.QUIET);
            // Read before the full collection that measures the heap, which is the benchmark's, not the restart's.
            GcLog collections = deployed ? GcLog.read(gcLog) : null;
            OperatorProcess operator = cluster.operator();
            long rss = operator.rssBytes();
            long anon = operator.rssAnonBytes();
            long heap = operator.heapAfterFullGcBytes();
            if (deployed) {
                List<String> lines = new ArrayList<>(List.of("| Area | Committed (MiB) |", "|---|---|"));
                operator.committedByArea().forEach((area, mib) -> lines.add("| " + area + " | " + mib + " |"));
                report.section("Where the memory of the deployed set-up goes (jcmd VM.native_memory summary, with every App reconciled)", lines);
                report.row("as deployed: garbage collection from start until every App was reconciled and the fleet quiet", collections.summary());
            }
            report.row(String.format("%s: restart to all %d apps reconciled (ms)", label, apps), String.valueOf(restart.allReconciled().toMillis()));
            report.row(String.format("%s: heap after full GC, %d apps + %d releases cached (MiB)", label, apps, releases),
                String.format("%.0f", heap / 1048576.0), "< 256", heap < 256L * 1048576);
            report.row(label + ": process RSS before that GC (MiB)", String.format("%.0f (%.0f %% of the pod's %d MiB limit; anonymous %.0f, files %.0f)",
                rss / 1048576.0, 100.0 * rss / limit, limit / 1048576, anon / 1048576.0, (rss - anon) / 1048576.0), "≤ 60 %", rss <= 0.6 * limit);
        }
    }

    private static String summary(List<String> writes) {
        if (writes.isEmpty()) {
            return "";
        }
        Map<String, Long> byKind = new java.util.TreeMap<>();
        writes.forEach(w -> byKind.merge(w, 1L, Long::sum));
        return " " + byKind;
    }
}

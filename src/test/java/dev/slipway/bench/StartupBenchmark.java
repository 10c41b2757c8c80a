package dev.slipway.bench;

import java.nio.file.Path;

/**
 * `make bench-startup`: only the start-up comparison of `make bench` (a few minutes instead of an hour), with
 * more rounds, written into its own block of docs/benchmarks.md. BENCH_QUICK=1 runs two rounds and writes nothing.
 */
public final class StartupBenchmark {
    static final int ROUNDS = 15;

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Scale scale = Scale.fromEnvironment();
        MachineInfo machine = MachineInfo.read();
        machine.lines().forEach(System.out::println);
        Report report = new Report(machine, "bench-startup");
        int rounds = scale == Scale.FULL ? ROUNDS : scale.startupRounds();
        report.setting(rounds + " rounds; each round starts every set-up once, in an order that rotates from round to round;"
            + " the operator runs as `java " + String.join(" ", dev.slipway.testing.PodJvm.fromDeployment().options()) + " [archive options] -jar quarkus-run.jar`"
            + " in target/quarkus-app against the in-process API server with no Apps; the archives were trained on this jar"
            + " by `make aot` just before");
        HostCpu cpuAtStart = HostCpu.now();
        try (BenchCluster cluster = BenchCluster.start(Path.of("target/bench/startup.log"))) {
            StartupComparison.report(report, new StartupComparison(cluster, StartupComparison.setUps()).run(rounds), "empty cluster");
        }
        String cpu = "CPU time of the machine during the run: " + HostCpu.now().sharesSince(cpuAtStart);
        System.out.println(cpu);
        report.setting(cpu);
        if (scale == Scale.FULL) {
            report.writeInto(Benchmark.REPORT);
            System.out.println("written into " + Benchmark.REPORT);
        }
        System.exit(0);
    }
}

package dev.slipway.bench;

import dev.slipway.testing.OperatorJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Start to /q/health/ready on an empty cluster for several JVM set-ups, side by side in one run: each round
 * starts every set-up once, in an order that rotates from round to round, so a machine that speeds up or
 * slows down during the run weighs on all of them alike. Each set-up's time is also taken as a ratio to the
 * first set-up's in the same round; the median of those ratios holds when the machine's speed drifts.
 */
final class StartupComparison {
    /** The target for the set-up the image ships: JDK 25 with the AOT cache. */
    static final double AOT_TARGET_MS = 1500;
    /** The target kept for the fallback where no JDK 25 is at hand: the JDK running the benchmark, with AppCDS. */
    static final double FALLBACK_TARGET_MS = 3000;

    record Result(OperatorJvm jvm, Samples ready, Samples cpu, Samples ratioToFirst) {
    }

    private final BenchCluster cluster;
    private final List<OperatorJvm> jvms;

    /**
     * The JDK running the benchmark with its AppCDS archive (the fallback without JDK 25; first, so the others'
     * ratios are to it) and, when a JDK 25 is named, JDK 25 with the AOT cache and JDK 25 without any application
     * archive.
     */
    static List<OperatorJvm> setUps() {
        List<OperatorJvm> jvms = new ArrayList<>(List.of(OperatorJvm.current()));
        OperatorJvm.java25().ifPresentOrElse(java25 -> {
            if (Files.exists(OperatorJvm.AOT_CACHE)) {
                jvms.add(OperatorJvm.withAotCache(java25));
            } else {
                System.out.println("  no " + OperatorJvm.AOT_CACHE + ": `make aot` trains it; JDK 25 is measured without it");
            }
            jvms.add(OperatorJvm.plain(java25));
        }, () -> System.out.println("  no JDK 25 (JAVA25): start-up is measured on " + OperatorJvm.current().label() + " only"));
        return jvms;
    }

    StartupComparison(BenchCluster cluster, List<OperatorJvm> jvms) {
        this.cluster = cluster;
        this.jvms = List.copyOf(jvms);
    }

    List<Result> run(int rounds) throws IOException, InterruptedException {
        Map<OperatorJvm, Result> results = new LinkedHashMap<>();
        jvms.forEach(jvm -> results.put(jvm, new Result(jvm, new Samples(), new Samples(), new Samples())));
        for (int round = 0; round < rounds; round++) {
            Map<OperatorJvm, Double> readyThisRound = new LinkedHashMap<>();
            for (int i = 0; i < jvms.size(); i++) {
                OperatorJvm jvm = jvms.get((round + i) % jvms.size());
                double ready = cluster.startOperator(Map.of(), jvm).toNanos() / 1e6;
                readyThisRound.put(jvm, ready);
                results.get(jvm).ready().add(ready);
                results.get(jvm).cpu().add(cluster.operator().cpuTime());
                cluster.stopOperator();
            }
            double first = readyThisRound.get(jvms.get(0));
            readyThisRound.forEach((jvm, ready) -> results.get(jvm).ratioToFirst().add(ready / first));
            System.out.printf("  start-up round %d: %s%n", round + 1, readyThisRound.entrySet().stream()
                .map(e -> String.format("%s %.0f ms", e.getKey().label(), e.getValue())).toList());
        }
        return new ArrayList<>(results.values());
    }

    /** One row per set-up with its target where it has one, its CPU time, and its ratio to the first set-up. */
    static void report(Report report, List<Result> results, String cluster) {
        OperatorJvm first = results.get(0).jvm();
        for (Result result : results) {
            String label = "Start to ready, " + cluster + ", " + result.jvm().label() + " (ms)";
            if (result.jvm().equals(first)) {
                report.row(label, result.ready().summary("%.0f"), "< " + (int) FALLBACK_TARGET_MS, result.ready().median() < FALLBACK_TARGET_MS);
            } else if (result.jvm().readsAotCache()) {
                report.row(label, result.ready().summary("%.0f"), "≤ " + (int) AOT_TARGET_MS, result.ready().median() <= AOT_TARGET_MS);
            } else {
                report.row(label, result.ready().summary("%.0f"));
            }
            report.row("… CPU time used until ready (ms)", result.cpu().summary("%.0f"));
            if (!result.jvm().equals(first)) {
                report.row("… ready time / " + first.label() + ", round by round", result.ratioToFirst().summary("%.2f"));
            }
        }
    }
}

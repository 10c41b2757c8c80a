package dev.slipway.bench;

import dev.slipway.model.App;
import dev.slipway.model.Rollback;
import dev.slipway.model.RequestPhase;
import dev.slipway.testing.Manifests;
import dev.slipway.testing.OperatorJvm;
import dev.slipway.testing.OperatorProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * `make aot`: the training runs of the start-up archives. The packaged operator runs against the in-process API
 * server and does what it does in a cluster: starts and becomes ready, reconciles a few Apps through deploys,
 * history pruning, a config change and a rollback, is probed and scraped, and then gets SIGTERM as a deleted
 * pod does. At its clean exit the JVM writes the archive of what it loaded: on the JDK running this, an AppCDS
 * archive (target/quarkus-app/app-cds.jsa); on the JDK 25 named by -Dslipway.java25, the AOT cache
 * (target/quarkus-app/app.aot), which also holds the classes pre-linked and the profiles of the methods that
 * ran. A run that only starts would leave the reconcile, Deployment and Event paths out of both.
 */
public final class ArchiveTraining {
    private static final int APPS = 6;
    private static final Duration STEP_LIMIT = Duration.ofMinutes(2);
    /** Writing the AOT cache runs a second JVM after the first has stopped; on a busy machine that takes a while. */
    private static final Duration EXIT_LIMIT = Duration.ofMinutes(5);

    private ArchiveTraining() {
    }

    /**
     * No arguments: both archives, the AOT cache only where a JDK 25 is named. "aot" or "appcds": that one only,
     * and "aot" without a JDK 25 is an error (the image build names its own JDK and must not end up without a cache).
     */
    public static void main(String[] args) {
        try {
            trainAll(args.length == 0 ? List.of() : List.of(args));
        } catch (RuntimeException e) {
            // Exits at once: a thread the failed run left behind must not keep a build step waiting.
            System.err.println("TRAINING FAILED: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    private static void trainAll(List<String> kinds) {
        if (kinds.isEmpty() || kinds.contains("appcds")) {
            train(OperatorJvm.appCdsTraining(), OperatorJvm.CDS_ARCHIVE);
        }
        Optional<Path> java25 = OperatorJvm.java25();
        if (java25.isPresent() && (kinds.isEmpty() || kinds.contains("aot"))) {
            train(OperatorJvm.aotTraining(java25.get()), OperatorJvm.AOT_CACHE);
        } else if (kinds.contains("aot")) {
            throw new IllegalStateException("no JDK 25 at -D" + OperatorJvm.JAVA25_PROPERTY + ": no AOT cache can be trained");
        } else if (kinds.isEmpty()) {
            System.out.println("no JDK 25 (JAVA25 / -D" + OperatorJvm.JAVA25_PROPERTY + "): no AOT cache trained");
        }
    }

    private static void train(OperatorJvm jvm, Path archive) {
        Path log = Path.of("target/aot", archive.getFileName() + ".log");
        try {
            // An archive from an earlier build does not match this jar; if training fails, none is better than that one.
            Files.deleteIfExists(archive);
            Files.deleteIfExists(log);
            try (BenchCluster cluster = BenchCluster.start(log)) {
                Duration ready = cluster.startOperator(Map.of(), jvm);
                System.out.printf("%s (%s): ready after %d ms%n", jvm.label(), jvm.java(), ready.toMillis());
                workload(cluster);
                OperatorProcess operator = cluster.operator();
                Duration exit = operator.terminate(EXIT_LIMIT).orElseThrow(() -> new IllegalStateException(
                    jvm.label() + " did not exit within " + EXIT_LIMIT + " of SIGTERM (log: " + log + ")"));
                if (operator.exitValue() != 0 || !Files.exists(archive) || Files.size(archive) == 0) {
                    throw new IllegalStateException(jvm.label() + " exited with " + operator.exitValue() + " and wrote no "
                        + archive + " (log: " + log + ")");
                }
                System.out.printf("wrote %s (%d MiB) %d ms after SIGTERM%n", archive, Files.size(archive) >> 20, exit.toMillis());
            }
        } catch (IOException e) {
            throw new IllegalStateException(jvm.label() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(jvm.label() + " was interrupted", e);
        }
    }

    private static void workload(BenchCluster cluster) throws InterruptedException {
        Fleet fleet = new Fleet(cluster.client, "training", APPS, 2);
        fleet.createApps();
        fleet.createReleases(0, 1, 2);
        Poll.until("the first releases to run", Duration.ofMillis(100), STEP_LIMIT, () -> fleet.allRunning(0));
        // Two more builds each: supersedes the running release and prunes past the history limit of 2.
        fleet.createReleases(1, 2, 2);
        Poll.until("the third releases to run", Duration.ofMillis(100), STEP_LIMIT, () -> fleet.allRunning(2));
        cluster.client.resources(App.class).inNamespace(fleet.namespace).withName(fleet.apps.get(0)).edit(app -> {
            app.getSpec().getConfig().put("GREETING", "hi");
            return app;
        });
        Rollback rollback = Manifests.rollback("back-to-1", fleet.apps.get(1), 1);
        rollback.getMetadata().setNamespace(fleet.namespace);
        cluster.client.resource(rollback).create();
        Poll.until("the rollback to finish", Duration.ofMillis(100), STEP_LIMIT, () -> {
            Rollback r = cluster.client.resources(Rollback.class).inNamespace(fleet.namespace).withName("back-to-1").get();
            return r.getStatus() != null && r.getStatus().getPhase() != null && r.getStatus().getPhase() != RequestPhase.Pending;
        });
        long start = System.nanoTime();
        Poll.until("the operator to stop writing", Duration.ofMillis(200), STEP_LIMIT,
            () -> System.nanoTime() - cluster.timeline.lastOperatorWrite(start) > Duration.ofSeconds(3).toNanos());
        System.out.printf("  workload done: %.0f App reconciles%n", Restart.appReconciles(cluster.operator()));
    }
}

package dev.slipway.bench;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.Promotion;
import dev.slipway.model.Rollback;
import dev.slipway.model.Slipway;
import dev.slipway.testing.PodJvm;
import dev.slipway.testing.TestApiServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The floor of a restart: a bare client, new like a restarted operator's, lists every object the operator's
 * informers list from the same API server, all kinds at once as the informers start together. A restart cannot
 * have every App reconciled before its caches hold these lists.
 */
final class ListFloor {
    private static final String MANAGED = Slipway.LABEL_MANAGED_BY + "=" + Slipway.MANAGED_BY;

    /** What the informers list, with their label selectors (AppReconciler, ReleaseReconciler, RollbackReconciler, PromotionReconciler). */
    private record Listed(Class<? extends HasMetadata> kind, String selector) {
    }

    private static final List<Listed> LISTS = List.of(new Listed(App.class, null), new Listed(Release.class, null),
        new Listed(Rollback.class, null), new Listed(Promotion.class, null), new Listed(Deployment.class, MANAGED), new Listed(Service.class, MANAGED),
        new Listed(ConfigMap.class, "slipway.dev/release-ledger"));

    private final TestApiServer api;

    ListFloor(TestApiServer api) {
        this.api = api;
    }

    /** Time from a new client to every list answered, in this (warm) JVM. */
    Duration measure() {
        long start = System.nanoTime();
        try (KubernetesClient client = api.newClient(RequestTimeline.BENCH_AGENT + "-list-floor", Duration.ofMinutes(2))) {
            listAll(client);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * The floor as a restarted operator meets it: a new JVM ({@code java} with the pod's options, no application archive) that only
     * builds a client and lists, timed from its start to its exit.
     */
    Duration measureAsProcess(Path java) throws IOException, InterruptedException {
        long start = System.nanoTime();
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(PodJvm.fromDeployment().options());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ListFloor.class.getName(), api.url()));
        Process process = new ProcessBuilder(command)
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("the list-floor process failed or did not finish within 2 min");
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static void listAll(KubernetesClient client) {
        CompletableFuture.allOf(LISTS.stream()
                .map(l -> CompletableFuture.runAsync(() -> (l.selector() == null ? client.resources(l.kind()).inAnyNamespace()
                    : client.resources(l.kind()).inAnyNamespace().withLabelSelector(l.selector())).list()))
                .toArray(CompletableFuture[]::new))
            .join();
    }

    /** The process of {@link #measureAsProcess}: lists from the API server at {@code args[0]} and exits. */
    public static void main(String[] args) {
        Config config = new ConfigBuilder().withMasterUrl(args[0]).withTrustCerts(true).withHttp2Disable(true)
            .withUserAgent(RequestTimeline.BENCH_AGENT + "-list-floor").withRequestTimeout(120_000).build();
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            listAll(client);
        }
        System.exit(0);
    }
}

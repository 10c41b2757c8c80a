package dev.slipway.bench;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.testing.Manifests;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * A set of benchmark apps in one namespace: each a single "web" process (1 replica, port 5000), which is
 * the app shape the targets are stated for. Creates apps and releases the way CI would, and tells when the
 * operator has caught up.
 */
final class Fleet {
    private final KubernetesClient client;
    final String namespace;
    final List<String> apps;
    private final int historyLimit;
    private final ActiveReleases active;

    private final boolean snapshotEnvFrom;

    Fleet(KubernetesClient client, String namespace, int size, int historyLimit) {
        this(client, namespace, size, historyLimit, false);
    }

    /**
     * @param snapshotEnvFrom each App reads a Secret and a ConfigMap of its own through envFrom, snapshotted per release
     *                        (App.spec.snapshotEnvFrom)
     */
    Fleet(KubernetesClient client, String namespace, int size, int historyLimit, boolean snapshotEnvFrom) {
        this.client = client;
        this.namespace = namespace;
        this.apps = IntStream.range(0, size).mapToObj(i -> String.format("app%04d", i)).toList();
        this.historyLimit = historyLimit;
        this.active = new ActiveReleases(client, namespace);
        this.snapshotEnvFrom = snapshotEnvFrom;
    }

    void createApps() throws InterruptedException {
        inParallel(apps.size(), i -> {
            var web = Manifests.process(1, List.of("bin/web"));
            web.setPort(5000);
            App app = Manifests.app(apps.get(i), Map.of("web", web), Map.of("GREETING", "hello"));
            app.getMetadata().setNamespace(namespace);
            app.getSpec().setHistoryLimit(historyLimit);
            if (snapshotEnvFrom) {
                app.getSpec().setSnapshotEnvFrom(true);
                app.getSpec().setEnvFrom(envSources(apps.get(i)));
            }
            return client.resource(app).create();
        });
    }

    /** A Secret and a ConfigMap of two keys each, as a database credential and some settings would be. */
    private List<EnvFromSource> envSources(String app) {
        client.resource(new SecretBuilder().withNewMetadata().withName(app + "-db").withNamespace(namespace).endMetadata()
            .withData(Map.of("DATABASE_USER", base64(app), "DATABASE_PASSWORD", base64("s3cr3t-" + app))).build()).create();
        client.resource(new ConfigMapBuilder().withNewMetadata().withName(app + "-settings").withNamespace(namespace).endMetadata()
            .withData(Map.of("CURRENCY", "EUR", "REGION", "eu-west")).build()).create();
        return List.of(new EnvFromSourceBuilder().withNewSecretRef().withName(app + "-db").endSecretRef().build(),
            new EnvFromSourceBuilder().withNewConfigMapRef().withName(app + "-settings").endConfigMapRef().build());
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A Release of build {@code build} for {@code app}; name and image are derived from both. */
    Release release(String app, int build) {
        Release release = Manifests.release(app + "-b" + build, app, "registry.example/" + app + ":" + build);
        release.getMetadata().setNamespace(namespace);
        return release;
    }

    Release create(Release release) {
        return client.resource(release).create();
    }

    /**
     * Creates {@code perApp} releases for every app, builds {@code firstBuild} on: apps in parallel on
     * {@code threads} threads, each app's releases in build order as one CI pipeline would, so the newest
     * build is the newest release.
     */
    void createReleases(int firstBuild, int perApp, int threads) throws InterruptedException {
        inParallel(apps.size(), threads, a -> {
            for (int build = firstBuild; build < firstBuild + perApp; build++) {
                create(release(apps.get(a), build));
            }
            return null;
        });
    }

    /** True when every app's active release is the one built from {@code build} and its rollout completed. */
    boolean allRunning(int build) {
        return active.running(apps, build) == apps.size();
    }

    /** How many apps run the release built from {@code build}. */
    long running(int build) {
        return active.running(apps, build);
    }

    boolean isActive(String release) {
        Release r = client.resources(Release.class).inNamespace(namespace).withName(release).get();
        return r != null && r.getStatus() != null && r.getStatus().getPhase() == ReleasePhase.Active;
    }

    private void inParallel(int count, IntFunction<?> task) throws InterruptedException {
        inParallel(count, 8, task);
    }

    private static void inParallel(int count, int threads, IntFunction<?> task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> results = IntStream.range(0, count)
                .mapToObj(i -> pool.submit(() -> (Object) task.apply(i))).toList();
            for (Future<Object> result : results) {
                try {
                    result.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("creating benchmark objects failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

package dev.slipway.demo;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.testing.DeploymentController;
import dev.slipway.testing.OperatorInstance;
import dev.slipway.testing.TestApiServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * `make demo`: the operator against an in-process API server (the Fabric8 mock server with the CRDs from
 * crds/ and a fixture that plays the Deployment controller). Applies examples/ one file at a time, waits for
 * each release to become Active, and prints the history. Exits 1 with the reason when anything does not converge.
 */
public final class Demo {
    static final String NAMESPACE = "demo";
    /** Each step converges in well under a second here; this bound only catches a stuck operator. */
    static final Duration STEP_TIMEOUT = Duration.ofSeconds(20);

    public static void main(String[] args) throws Exception {
        int exit = 0;
        try (TestApiServer api = TestApiServer.start();
             DeploymentController kubelet = DeploymentController.start(api.newClient());
             OperatorInstance operator = OperatorInstance.start(api.newClient())) {
            run(api.newClient(), Path.of(args.length > 0 ? args[0] : "examples"));
        } catch (DemoFailed e) {
            System.err.println("DEMO FAILED: " + e.getMessage());
            exit = 1;
        }
        System.exit(exit);
    }

    static void run(KubernetesClient client, Path examples) throws IOException, InterruptedException {
        System.out.println("Slipway demo: operator + in-process API server, applying " + examples + "/ to namespace " + NAMESPACE);
        String appName = null;
        for (Path file : yamlFiles(examples)) {
            for (HasMetadata object : load(client, file)) {
                object.getMetadata().setNamespace(NAMESPACE);
                client.resource(object).create();
                System.out.printf("%n$ kubectl apply -f %s   # %s %s%n", file, object.getKind(), object.getMetadata().getName());
                if (object instanceof App app) {
                    appName = app.getMetadata().getName();
                } else if (object instanceof Release release) {
                    Release active = awaitPhase(client, release.getMetadata().getName(), ReleasePhase.Active);
                    System.out.printf("  %s is v%d, %s%n", active.getMetadata().getName(), active.getStatus().getVersion(),
                        active.getStatus().getPhase());
                }
            }
        }
        if (appName == null) {
            throw new DemoFailed("no App in " + examples);
        }
        App app = client.resources(App.class).inNamespace(NAMESPACE).withName(appName).get();
        List<Release> releases = client.resources(Release.class).inNamespace(NAMESPACE)
            .withLabel("slipway.dev/app", appName).list().getItems();
        System.out.println();
        System.out.print(HistoryTable.releases(app, releases, Instant.now()));
        System.out.println();
        System.out.print(HistoryTable.deployments(client.apps().deployments().inNamespace(NAMESPACE)
            .withLabel("slipway.dev/app", appName).list().getItems()));
        System.out.println("\nDemo converged.");
    }

    private static Release awaitPhase(KubernetesClient client, String name, ReleasePhase phase) throws InterruptedException {
        Instant deadline = Instant.now().plus(STEP_TIMEOUT);
        Release release = null;
        while (Instant.now().isBefore(deadline)) {
            release = client.resources(Release.class).inNamespace(NAMESPACE).withName(name).get();
            if (release != null && release.getStatus() != null && release.getStatus().getPhase() == phase) {
                return release;
            }
            Thread.sleep(50);
        }
        throw new DemoFailed("release " + name + " did not become " + phase + " within " + STEP_TIMEOUT.toSeconds() + "s; last status: "
            + (release == null || release.getStatus() == null ? "none" : release.getStatus().getPhase() + " - " + release.getStatus().getMessage()));
    }

    private static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** Apps and Releases as their Java types (the generic loader does not know our kinds). */
    private static List<HasMetadata> load(KubernetesClient client, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            var serialization = client.getKubernetesSerialization();
            return client.load(in).items().stream().map(item -> switch (item.getKind()) {
                case "App" -> (HasMetadata) serialization.convertValue(item, App.class);
                case "Release" -> (HasMetadata) serialization.convertValue(item, Release.class);
                default -> item;
            }).toList();
        }
    }

    static final class DemoFailed extends RuntimeException {
        DemoFailed(String message) {
            super(message);
        }
    }
}

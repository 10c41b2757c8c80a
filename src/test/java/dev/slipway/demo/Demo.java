package dev.slipway.demo;

import dev.slipway.model.App;
import dev.slipway.model.AppStatus;
import dev.slipway.model.OneShot;
import dev.slipway.model.Promotion;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.Rollback;
import dev.slipway.release.Releases;
import dev.slipway.status.Conditions;
import dev.slipway.testing.DeploymentController;
import dev.slipway.testing.OperatorInstance;
import dev.slipway.testing.TestApiServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * `make demo`: the operator against an in-process API server (the Fabric8 mock server with the CRDs from
 * crds/ and a fixture that plays the Deployment controller). Applies examples/ one file at a time: deploys,
 * a config change, a process change, a rollback and a deploy whose rollout fails; waits for each to converge and prints the history. Exits 1 with the reason when anything does not converge.
 */
public final class Demo {
    static final String NAMESPACE = "demo";
    /** Each step converges in well under a second here; this bound only catches a stuck operator. */
    static final Duration STEP_TIMEOUT = Duration.ofSeconds(20);

    public static void main(String[] args) throws Exception {
        int exit = 0;
        try (TestApiServer api = TestApiServer.start();
             DeploymentController kubelet = kubelet(api);
             OperatorInstance operator = OperatorInstance.start(api.newClient())) {
            Demo demo = new Demo(api.newClient());
            try {
                demo.run(Path.of(args.length > 0 ? args[0] : "examples"));
            } catch (DemoFailed e) {
                System.err.println("DEMO FAILED: " + e.getMessage());
                demo.printState();
                exit = 1;
            }
        }
        System.exit(exit);
    }

    private final KubernetesClient client;
    private String appName;

    /** The stand-in for the kubelet and Deployment controller: a rollout of an image named "broken" never becomes available. */
    static DeploymentController kubelet(TestApiServer api) {
        DeploymentController kubelet = DeploymentController.start(api.newClient());
        kubelet.setOutcome(d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage().contains("broken")
            ? DeploymentController.Outcome.DEADLINE_EXCEEDED : DeploymentController.Outcome.AVAILABLE);
        return kubelet;
    }

    Demo(KubernetesClient client) {
        this.client = client;
    }

    void run(Path examples) throws IOException, InterruptedException {
        System.out.println("Slipway demo: operator + in-process API server, applying " + examples + "/ to namespace " + NAMESPACE);
        for (Path file : yamlFiles(examples)) {
            for (HasMetadata object : load(client, file)) {
                object.getMetadata().setNamespace(NAMESPACE);
                System.out.printf("%n$ kubectl apply -f %s   # %s %s%n", file, object.getKind(), object.getMetadata().getName());
                long latestBefore = latestVersion();
                boolean expectsRelease = apply(object);
                if (object instanceof Release release && Boolean.FALSE.equals(release.getSpec().getPromote())) {
                    Release staged = awaitStaged(release.getMetadata().getName());
                    long running = app().getStatus().getActiveRelease().getVersion();
                    if (running == Releases.version(staged)) {
                        throw new DemoFailed("the staged release " + Releases.label(staged) + " runs; it must wait for a Promotion");
                    }
                    System.out.printf("  %s %s, v%d keeps running: %s%n", Releases.label(staged), staged.getStatus().getPhase(),
                        running, staged.getStatus().getMessage());
                    continue;
                }
                if (object instanceof Promotion promotion) {
                    Promotion done = awaitFinished(promotion);
                    System.out.println("  promotion " + done.getStatus().getPhase() + ": " + done.getStatus().getMessage());
                    App running = awaitActive(latestVersion());
                    System.out.printf("  v%d Active, no new version (latest is still v%d)%n", running.getStatus().getActiveRelease().getVersion(),
                        running.getStatus().getLatestVersion());
                    continue;
                }
                if (object instanceof Rollback rollback) {
                    Rollback done = awaitFinished(rollback);
                    System.out.println("  rollback " + done.getStatus().getPhase() + ": " + done.getStatus().getMessage());
                }
                if (expectsRelease) {
                    awaitNewActiveRelease(latestBefore);
                    printNewReleases(latestBefore);
                }
                if (object instanceof Rollback) {
                    printInSync();
                }
                if (expectsRelease && snapshotsEnv()) {
                    printEnvSnapshots();
                }
            }
            if (file.getFileName().toString().startsWith("04-")) {
                System.out.println("\nHistory after three deploys:");
                printHistory();
            }
        }
        if (appName == null) {
            throw new DemoFailed("no App in " + examples);
        }
        System.out.println("\nHistory after a config change, a process change, a rollback, a deploy whose rollout failed,"
            + " a staged release promoted, and a credential rotated and rolled back:");
        printHistory();
        System.out.print("\n" + HistoryTable.deployments(client.apps().deployments().inNamespace(NAMESPACE)
            .withLabel("slipway.dev/app", appName).list().getItems()));
        System.out.println("\nDemo converged.");
    }

    /** Creates the object, or replaces the spec of an App that exists; returns whether a new release should follow. */
    private boolean apply(HasMetadata object) {
        if (object instanceof App app) {
            App existing = client.resources(App.class).inNamespace(NAMESPACE).withName(app.getMetadata().getName()).get();
            appName = app.getMetadata().getName();
            if (existing == null) {
                client.resource(app).create();
                return false;
            }
            existing.setSpec(app.getSpec());
            client.resource(existing).update();
            return true;
        }
        if (object instanceof Secret || object instanceof ConfigMap) {
            // An env source: created, or its data changed, which is a release once the App snapshots it.
            boolean exists = client.resource(object).get() != null;
            client.resource(object).createOr(NonDeletingOperation::update);
            return exists;
        }
        client.resource(object).create();
        return true;
    }

    private void awaitNewActiveRelease(long latestBefore) throws InterruptedException {
        awaitRollout("a release newer than v" + latestBefore + " to become active",
            status -> status.getLatestVersion() != null && status.getLatestVersion() > latestBefore
                && status.getActiveRelease().getVersion().equals(status.getLatestVersion()));
    }

    /** The App running release {@code version}, rolled out. */
    private App awaitActive(long version) throws InterruptedException {
        return awaitRollout("v" + version + " to become active", status -> status.getActiveRelease().getVersion() == version);
    }

    /** The App once its active release is the one {@code running} accepts and it is Ready. */
    private App awaitRollout(String what, Predicate<AppStatus> running) throws InterruptedException {
        return await(what, () -> {
            App app = app();
            var status = app.getStatus();
            boolean ready = status != null && status.getActiveRelease() != null && running.test(status)
                && Conditions.isTrue(status.getConditions(), "Ready");
            return ready ? app : null;
        });
    }

    /** A staged release once numbered: it waits, and must not run. */
    private Release awaitStaged(String name) throws InterruptedException {
        return await("release " + name + " to be numbered and staged", () -> {
            Release r = client.resources(Release.class).inNamespace(NAMESPACE).withName(name).get();
            return Releases.isNumbered(r) && r.getStatus().getPhase() == ReleasePhase.Waiting ? r : null;
        });
    }

    private void printNewReleases(long latestBefore) {
        releases().stream()
            .filter(r -> Releases.isNumbered(r) && Releases.version(r) > latestBefore)
            .sorted(Releases.BY_VERSION)
            .forEach(r -> System.out.printf("  %s %s: %s%n", Releases.label(r), r.getStatus().getPhase(), r.getSpec().getDescription()));
    }

    /** After a rollback what runs differs from the App's spec on purpose; the App says so. */
    private void printInSync() {
        app().getStatus().getConditions().stream().filter(c -> c.getType().endsWith("InSync"))
            .forEach(c -> System.out.printf("  App %s=%s: %s%n", c.getType(), c.getStatus(), c.getMessage()));
    }

    private boolean snapshotsEnv() {
        App app = app();
        return app != null && Boolean.TRUE.equals(app.getSpec().getSnapshotEnvFrom());
    }

    /** Which copy of each env source the web process reads, and for which release it was made: names only, never values. */
    private void printEnvSnapshots() {
        List<Release> numbered = releases().stream().filter(Releases::isNumbered).sorted(Releases.BY_VERSION).toList();
        var deployment = client.apps().deployments().inNamespace(NAMESPACE).withName(appName + "-web").get();
        for (var envFrom : deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnvFrom()) {
            String read = envFrom.getSecretRef() != null ? envFrom.getSecretRef().getName() : envFrom.getConfigMapRef().getName();
            numbered.stream().flatMap(r -> r.getSpec().getEnvSnapshots() == null ? Stream.empty()
                    : r.getSpec().getEnvSnapshots().stream().filter(snapshot -> snapshot.getName().equals(read))
                        .map(snapshot -> String.format("  %s-web reads %s, the copy of %s %s (%s) made for %s%n", appName, read,
                            snapshot.getKind(), snapshot.getSource(), String.join(", ", snapshot.getKeys()), Releases.label(r))))
                .findFirst().ifPresent(System.out::print);
        }
    }

    /** What the operator reported, to see why something did not converge. */
    void printState() {
        if (appName == null) {
            return;
        }
        App app = app();
        if (app != null && app.getStatus() != null) {
            app.getStatus().getConditions().forEach(c -> System.err.printf("  App %s=%s %s: %s%n",
                c.getType(), c.getStatus(), c.getReason(), c.getMessage()));
        }
        releases().stream().filter(Releases::isNumbered).sorted(Releases.BY_VERSION).forEach(r -> System.err.printf(
            "  %s %s %s: %s%n", Releases.label(r), r.getMetadata().getName(), r.getStatus().getPhase(), r.getStatus().getMessage()));
    }

    private void printHistory() {
        System.out.print(HistoryTable.releases(app(), releases(), Instant.now()));
    }

    private App app() {
        return client.resources(App.class).inNamespace(NAMESPACE).withName(appName).get();
    }

    private List<Release> releases() {
        return client.resources(Release.class).inNamespace(NAMESPACE).withLabel("slipway.dev/app", appName).list().getItems();
    }

    private long latestVersion() {
        if (appName == null) {
            return 0;
        }
        App app = app();
        return app == null || app.getStatus() == null || app.getStatus().getLatestVersion() == null ? 0 : app.getStatus().getLatestVersion();
    }

    /** The Rollback or Promotion as stored once it is carried out or refused. */
    private <R extends OneShot<?>> R awaitFinished(R request) throws InterruptedException {
        @SuppressWarnings("unchecked")
        Class<R> kind = (Class<R>) request.getClass();
        String name = request.getMetadata().getName();
        return await(request.getKind() + " " + name + " to finish", () -> {
            R stored = client.resources(kind).inNamespace(NAMESPACE).withName(name).get();
            return stored != null && stored.finished() ? stored : null;
        });
    }

    private static <T> T await(String what, Supplier<T> probe) throws InterruptedException {
        Instant deadline = Instant.now().plus(STEP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            T result = probe.get();
            if (result != null) {
                return result;
            }
            Thread.sleep(50);
        }
        throw new DemoFailed("waited " + STEP_TIMEOUT.toSeconds() + "s for " + what + "; it did not happen");
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
                case "Rollback" -> (HasMetadata) serialization.convertValue(item, Rollback.class);
                case "Promotion" -> (HasMetadata) serialization.convertValue(item, Promotion.class);
                case "Secret" -> (HasMetadata) serialization.convertValue(item, Secret.class);
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

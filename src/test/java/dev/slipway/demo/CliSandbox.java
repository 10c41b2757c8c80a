package dev.slipway.demo;

import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.release.Releases;
import dev.slipway.testing.DeploymentController;
import dev.slipway.testing.Kubeconfig;
import dev.slipway.testing.OperatorInstance;
import dev.slipway.testing.TestApiServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * `make cli-sandbox`: the operator and an in-process API server that stay up, with the App from examples/ and
 * its first releases, and a kubeconfig pointing at them, so `kubectl slipway` can be tried and timed without a
 * cluster. Runs until a signal (Ctrl-C, kill): it never reads stdin, so it keeps running in the background of an
 * interactive shell (a read would stop it there with "Stopped (tty input)") and with stdin closed (nohup, a script, CI,
 * where it would see end-of-file at once and quit). On the way out it removes its kubeconfig, which would otherwise
 * point at nothing.
 */
public final class CliSandbox {
    static final String NAMESPACE = "demo";

    public static void main(String[] args) throws Exception {
        Path kubeconfig = Path.of(args.length > 0 ? args[0] : "target/sandbox/kubeconfig");
        CountDownLatch signalled = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        // A signal runs the hooks while main still holds the servers: let main close them (and the kubeconfig) first.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            signalled.countDown();
            try {
                closed.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sandbox-stop"));
        try (TestApiServer api = TestApiServer.start();
             DeploymentController kubelet = DeploymentController.start(api.newClient());
             OperatorInstance operator = OperatorInstance.start(api.newClient())) {
            kubelet.setOutcome(d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage().contains("broken")
                ? DeploymentController.Outcome.DEADLINE_EXCEEDED : DeploymentController.Outcome.AVAILABLE);
            KubernetesClient client = api.newClient();
            for (String example : new String[] {"01-app.yaml", "02-release-v1.yaml", "03-release-v2.yaml"}) {
                try (InputStream in = Files.newInputStream(Path.of("examples", example))) {
                    for (HasMetadata object : client.load(in).items()) {
                        object.getMetadata().setNamespace(NAMESPACE);
                        client.resource(object).create();
                        if (object instanceof Release release) {
                            awaitActive(client, release.getMetadata().getName());
                        }
                    }
                }
            }
            Kubeconfig.write(kubeconfig, api.url(), "alice", NAMESPACE);
            System.out.println("Sandbox ready: App shop in namespace " + NAMESPACE + ". In another shell:");
            System.out.println("  export KUBECONFIG=" + kubeconfig.toAbsolutePath() + " SLIPWAY_APP=shop");
            System.out.println("  target/kubectl-slipway releases");
            System.out.println("Stop with Ctrl-C, or kill " + ProcessHandle.current().pid() + ".");
            System.out.flush();
            signalled.await();
        } finally {
            Files.deleteIfExists(kubeconfig);
            closed.countDown();
        }
    }

    private static void awaitActive(KubernetesClient client, String name) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            Release release = client.resources(Release.class).inNamespace(NAMESPACE).withName(name).get();
            if (release != null && Releases.phase(release) == ReleasePhase.Active) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("release " + name + " did not become Active within 30 s");
    }
}

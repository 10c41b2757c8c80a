package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.ReleasePhase;
import dev.slipway.testing.ClusterScenario;
import dev.slipway.testing.DeploymentController;
import dev.slipway.testing.Kubeconfig;
import dev.slipway.testing.Manifests;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI driven in-process against the test cluster with the operator running: through a kubeconfig file
 * (user "alice", namespace shop), with stdout, stderr and the exit code captured. Every run checks that no
 * stack trace reaches the user.
 */
abstract class CliScenario extends ClusterScenario {
    static final String USER = "alice";

    @TempDir
    Path dir;
    Path kubeconfig;

    record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void kubeconfig() {
        kubeconfig = Kubeconfig.write(dir.resolve("kubeconfig"), cluster.api.url(), USER, Manifests.NAMESPACE);
        // Images tagged :broken exceed their progress deadline; :stuck never becomes available and never fails.
        cluster.deployments.setOutcome(d -> {
            String image = d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
            return image.endsWith(":broken") ? DeploymentController.Outcome.DEADLINE_EXCEEDED
                : image.endsWith(":stuck") ? DeploymentController.Outcome.NEVER_AVAILABLE : cluster.deployments.kubelet(d);
        });
    }

    /** App shop (web on port 5000, worker) with config LOG_LEVEL=info and SECRET_TOKEN, and two releases; v2 runs. */
    void shopWithTwoReleases() {
        cluster.create(Manifests.webAndWorker("shop", Map.of("LOG_LEVEL", "info", "SECRET_TOKEN", "s3cr3t-value")));
        cluster.create(Manifests.release("shop-a", "shop", "registry.example/shop/web:1", "6d58b1ce8a9f"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);
        cluster.create(Manifests.release("shop-b", "shop", "registry.example/shop/web:2", "9f2c1d3e7b6a"));
        cluster.awaitPhase("shop-b", ReleasePhase.Active);
    }

    Run slipway(String... args) {
        return slipway(Terminal.pipe(), args);
    }

    /** As if stdout were {@code terminal}; {@link #slipway(String...)} is a pipe. */
    Run slipway(Terminal terminal, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--kubeconfig=" + kubeconfig);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = KubectlSlipway.run(new PrintWriter(out), new PrintWriter(err), terminal, all.toArray(String[]::new));
        Run run = new Run(exit, out.toString(), err.toString());
        assertThat(run.err()).as("stderr of %s", all).doesNotContain("\tat ").doesNotContain("Exception");
        if (exit != 0) {
            assertThat(run.err().lines().filter(l -> l.startsWith("error: ")).count()).as("one error line: %s", run.err()).isEqualTo(1);
        }
        return run;
    }

    /** A progress line of a rollout followed in a pipe (stderr): release, phase, pod counts while deploying, time. */
    static final String PROGRESS_LINE = "\\S+ (Pending|Waiting|Deploying|Active|Superseded|Failed)(: .* updated/ready/desired)? \\(\\d+(s|m\\d\\ds|h\\d\\dm)\\)";

    /** What stderr holds besides progress lines: nothing, on a run that went well. */
    static String chatter(String err) {
        return String.join("\n", err.lines().filter(line -> !line.matches(PROGRESS_LINE)).toList());
    }

    /** The error line of a run, after the progress lines that may come before it on stderr. */
    static String error(Run run) {
        return run.err().lines().filter(line -> line.startsWith("error: ")).findFirst().orElse("");
    }
}

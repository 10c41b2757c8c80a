package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.ReleasePhase;
import dev.slipway.testing.Kubeconfig;
import dev.slipway.testing.Manifests;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged plugin, target/kubectl-slipway, as kubectl runs it: a separate process with only its own jars
 * (no Quarkus, no test classpath), the kubeconfig from $KUBECONFIG and the App from $SLIPWAY_APP. Runs in the
 * integration-test phase, after `package` built the launcher.
 */
class KubectlSlipwayLauncherIT extends CliScenario {
    private static final Path LAUNCHER = Path.of("target/kubectl-slipway");
    private static final Path LIB = Path.of("target/kubectl-slipway-lib");

    @BeforeEach
    void history() {
        assertThat(LAUNCHER).as("built by mvn package").isExecutable();
        shopWithTwoReleases();
    }

    @Test
    void thePackagedPluginDeploysAndListsTheHistory() throws Exception {
        Run deploy = launch("deploy", "registry.example/shop/web:3");
        assertThat(deploy.exit()).as(deploy.err()).isZero();
        assertThat(deploy.out()).isEqualTo("Deploying registry.example/shop/web:3 to shop ... done, v3\n");
        assertThat(chatter(deploy.err())).as("no SLF4J or JVM chatter, only progress lines: %s", deploy.err()).isEmpty();

        Run releases = launch("releases");
        assertThat(releases.exit()).isZero();
        assertThat(releases.out().lines().toList().get(1)).containsPattern("v3\\s+Deploy 3\\s+alice\\s+.*Active");
        assertThat(LIB.resolve("classes.jsa")).as("the class archive recorded by a successful run").exists();
        cluster.awaitPhase("shop-b", ReleasePhase.Superseded);

        Run missing = launch("releases", "-a", "nosuch");
        assertThat(missing.exit()).isEqualTo(Exit.NOT_FOUND.code);
        assertThat(missing.err()).isEqualTo("error: App nosuch not found in namespace shop; kubectl slipway apps -n shop lists the Apps there\n");
    }

    @Test
    void helpAndVersionWithThePluginsOwnJars() throws Exception {
        Run version = launch("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).as("the version from the jar manifest").matches("kubectl-slipway \\d\\S*\n");
        for (String[] help : new String[][] {{"--help"}, {"releases", "info", "--help"}, {"help", "config:set"}}) {
            Run run = launch(help);
            assertThat(run.exit()).as("%s", List.of(help)).isZero();
            assertThat(run.out()).as("%s", List.of(help)).contains("\nUsage:\n  kubectl slipway ");
            assertThat(run.err()).as("%s", List.of(help)).isEmpty();
        }
        Run usage = launch("releases", "--nmu", "3");
        assertThat(usage.exit()).isEqualTo(Exit.USAGE.code);
        assertThat(usage.err()).isEqualTo("error: unknown option '--nmu' for 'kubectl slipway releases'; did you mean '--num'?\n"
            + "See 'kubectl slipway releases --help'.\n");
    }

    /** The JDK HTTP client's ConnectException has no message; the user reads what happened instead of "null". */
    @Test
    void anUnreachableClusterSaysTheConnectionWasRefused() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path away = Kubeconfig.write(dir.resolve("away"), "http://127.0.0.1:" + port + "/", USER, Manifests.NAMESPACE);

        Run run = launch(away, "releases");

        assertThat(run.exit()).isEqualTo(Exit.ERROR.code);
        assertThat(run.err()).isEqualTo("error: cannot reach the Kubernetes API at http://127.0.0.1:" + port
            + "/ (connection refused); check the cluster and your kubeconfig context\n");
    }

    /** As for kubectl, $HOME says where ~/.kube/config is, even when it names a directory that does not exist. */
    @Test
    void theKubeconfigIsLookedForUnderHome() throws Exception {
        Path elsewhere = dir.resolve("elsewhere");

        Run run = launch(null, Map.of("HOME", elsewhere.toString()), "apps");

        assertThat(run.exit()).isEqualTo(Exit.USAGE.code);
        assertThat(run.err()).isEqualTo("error: no kubeconfig at " + elsewhere.resolve(".kube/config")
            + "; set KUBECONFIG or give --kubeconfig FILE\n");
    }

    /** The lib dir leaves out model modules and the Vert.x client: every kind of call must still work with it. */
    @Test
    void everyKindOfCallWorksWithThePluginsOwnJars() throws Exception {
        List<List<String>> commands = List.of(List.of("apps"), List.of("releases", "info", "v1"),
            List.of("releases", "manifest", "v2"), List.of("config", "set", "LOG_LEVEL=debug"),
            List.of("promote", "v1"), List.of("pin", "v4"), List.of("unpin"), List.of("rollback", "v2", "-o", "json"));
        for (List<String> command : commands) {
            Run run = launch(command.toArray(String[]::new));
            assertThat(run.exit()).as("%s: %s", command, run.err()).isZero();
            assertThat(chatter(run.err())).as("%s: %s", command, run.err()).isEmpty();
        }
    }

    @Test
    void thePluginShipsOneHttpClientTheJdkOne() throws IOException {
        List<String> factories = new ArrayList<>();
        try (var jars = Files.newDirectoryStream(LIB, "*.jar")) {
            for (Path jar : jars) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    if (file.getEntry("META-INF/services/io.fabric8.kubernetes.client.http.HttpClient$Factory") != null) {
                        factories.add(jar.getFileName().toString());
                    }
                }
            }
        }
        assertThat(factories).as("Fabric8 takes the HTTP client factory it finds; Vert.x would cost startup time")
            .singleElement().asString().startsWith("kubernetes-httpclient-jdk-");
    }

    private Run launch(String... args) throws IOException, InterruptedException {
        return launch(Kubeconfig.write(dir.resolve("launcher-kubeconfig"), cluster.api.url(), USER, Manifests.NAMESPACE), args);
    }

    private Run launch(Path config, String... args) throws IOException, InterruptedException {
        return launch(config, Map.of(), args);
    }

    /** @param config the kubeconfig for $KUBECONFIG, or null for none */
    private Run launch(Path config, Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("KUBECONFIG");
        if (config != null) {
            builder.environment().put("KUBECONFIG", config.toString());
        }
        builder.environment().put("SLIPWAY_APP", "shop");
        builder.environment().putAll(environment);
        builder.redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the plugin exits").isTrue();
        return new Run(process.exitValue(), Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
            Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
    }
}

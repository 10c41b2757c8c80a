package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sun.net.httpserver.HttpServer;
import dev.slipway.model.ReleasePhase;
import dev.slipway.testing.Kubeconfig;
import dev.slipway.testing.Manifests;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The smaller trips of issue 18: wrong namespaces, malformed kubeconfigs, foreign servers, and what -o and --no-wait print. */
class SmallerThingsTest extends CliScenario {

    @BeforeEach
    void history() {
        shopWithTwoReleases();
    }

    @Test
    void anAppMissingFromTheNamespaceDoesNotSuggestTheCommandThatFailed() {
        Run one = slipway("apps", "-a", "shop", "-n", "nowhere");
        assertThat(one.exit()).isEqualTo(Exit.NOT_FOUND.code);
        assertThat(one.err()).isEqualTo("error: App shop not found in namespace nowhere; check the name, or the namespace (-n; "
            + "kubectl get apps.slipway.dev -A lists every namespace's)\n");

        Run all = slipway("apps", "-n", "nowhere");
        assertThat(all.exit()).isZero();
        assertThat(all.out()).isEqualTo("No Apps in namespace nowhere; another namespace: -n NAMESPACE (kubectl get apps.slipway.dev -A "
            + "lists every namespace's).\n");
    }

    @Test
    void aMalformedKubeconfigIsNamed() throws Exception {
        Files.writeString(kubeconfig, "apiVersion: v1\nclusters: [\n");

        Run run = slipway("apps");

        assertThat(run.exit()).isEqualTo(Exit.USAGE.code);
        assertThat(run.err()).startsWith("error: cannot parse kubeconfig " + kubeconfig + ": ").contains("at line 3, column 1")
            .endsWith("; fix the file, or point --kubeconfig or KUBECONFIG at another\n");
    }

    @Test
    void aServerThatIsNotKubernetesIsNotReportedAsAMissingApp() throws Exception {
        HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        web.createContext("/", exchange -> {
            byte[] page = "<html>Not Found</html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(404, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        web.start();
        try {
            String url = "http://127.0.0.1:" + web.getAddress().getPort() + "/";
            kubeconfig = Kubeconfig.write(dir.resolve("web"), url, USER, Manifests.NAMESPACE);

            Run run = slipway("releases", "-a", "shop");

            assertThat(run.exit()).isEqualTo(Exit.ERROR.code);
            assertThat(run.err()).isEqualTo("error: the server at " + url + " does not answer as a Kubernetes API server (no Slipway API, "
                + "no /version); check the server address of your kubeconfig context (--context, --kubeconfig)\n");
        } finally {
            web.stop(0);
        }
    }

    @Test
    void aFailedDeployPrintsTheFailedReleaseWithOutput() throws Exception {
        Run run = slipway("deploy", "registry.example/shop/web:broken", "-a", "shop", "-o", "yaml");

        assertThat(run.exit()).isEqualTo(Exit.FAILED.code);
        JsonNode release = new YAMLMapper().readTree(run.out());
        assertThat(release.get("version").asLong()).isEqualTo(3);
        assertThat(release.get("phase").asText()).isEqualTo("Failed");
        assertThat(error(run)).startsWith("error: v3 failed: ");
    }

    @Test
    void manifestJsonIsIndentedLikeAllOtherJson() {
        String json = slipway("releases", "manifest", "v1", "-a", "shop", "-o", "json").out();

        assertThat(json).startsWith("{\n  \"apiVersion\" : \"v1\",\n  \"kind\" : \"List\",\n");
    }

    @Test
    void noWaitNamesTheReleaseByItsVersion() {
        Run run = slipway("deploy", "registry.example/shop/web:3", "-a", "shop", "--no-wait");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("Deploying registry.example/shop/web:3 to shop ... created v3 (not waiting for the rollout; "
            + "kubectl slipway releases info v3 -a shop)\n");
        cluster.awaitPhase("shop-v3".equals(cluster.releasesOf("shop").get(2).getMetadata().getName()) ? "shop-v3"
            : cluster.releasesOf("shop").get(2).getMetadata().getName(), ReleasePhase.Active);
    }
}

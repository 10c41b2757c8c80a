package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testing.Cluster;
import dev.slipway.testing.Kubeconfig;
import dev.slipway.testing.Manifests;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Usage mistakes, RBAC refusals and an unreachable cluster: one line on stderr and a distinct exit code each. */
class ErrorsTest extends CliScenario {

    @Test
    void usageMistakesExitWithTwo() {
        Run unknown = slipway("deplyo", "x");
        assertThat(unknown.exit()).isEqualTo(Exit.USAGE.code);
        assertThat(unknown.err()).isEqualTo("error: unknown command 'deplyo' for 'kubectl slipway'; did you mean 'deploy'?\n"
            + "See 'kubectl slipway --help'.\n");

        Run noApp = slipway("releases");
        assertThat(noApp.exit()).isEqualTo(Exit.USAGE.code);
        assertThat(noApp.err()).isEqualTo("error: which App? Give -a/--app APP or set SLIPWAY_APP; kubectl slipway apps lists them\n");

        assertThat(slipway("releases", "-a", "shop", "-o", "xml").exit()).isEqualTo(Exit.USAGE.code);
        assertThat(slipway("deploy", "img", "-a", "shop", "--timeout", "soon").err()).contains("'soon' is not a duration");
        Run context = slipway("apps", "--context", "nosuch");
        assertThat(context.exit()).isEqualTo(Exit.USAGE.code);
        assertThat(context.err()).contains("context \"nosuch\" is not in the kubeconfig");
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        Run help = slipway("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("apps", "releases", "deploy", "rollback", "promote", "pin", "unpin", "config")
            .contains("Exit codes: 0 ok");
    }

    @Test
    void anUnreachableClusterIsOneLineNotAStackTrace() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        kubeconfig = Kubeconfig.write(dir.resolve("away"), "http://127.0.0.1:" + port + "/", USER, Manifests.NAMESPACE);

        Run run = slipway("apps");

        assertThat(run.exit()).isEqualTo(Exit.ERROR.code);
        // The test classpath has the Vert.x client ("Connection refused: /127.0.0.1:port"); the plugin's JDK client says
        // nothing, so ApiErrors does (KubectlSlipwayLauncherIT).
        assertThat(run.err()).matches("error: cannot reach the Kubernetes API at http://127\\.0\\.0\\.1:" + port
            + "/ \\((?i:connection refused)[^)]*\\); check the cluster and your kubeconfig context\n");
    }

    @Test
    void forbiddenByRbacExitsWithFour() {
        cluster.close();
        cluster = new Cluster(ErrorsTest::forbidWritesOfThePlugin);
        kubeconfig = Kubeconfig.write(dir.resolve("rbac"), cluster.api.url(), USER, Manifests.NAMESPACE);
        cluster.create(Manifests.webAndWorker("shop", Map.of()));

        Run run = slipway("deploy", "registry.example/shop/web:1", "-a", "shop");

        assertThat(run.exit()).isEqualTo(Exit.FORBIDDEN.code);
        assertThat(run.err()).isEqualTo("error: forbidden: releases.slipway.dev is forbidden: User \"alice\" cannot create resource "
            + "\"releases\" in API group \"slipway.dev\" in the namespace \"shop\"; ask a cluster admin for access to slipway.dev "
            + "resources in this namespace\n");
        assertThat(slipway("apps").exit()).as("reads are allowed").isZero();
    }

    @Test
    void mainIsWhatRunCalls() {
        StringWriter out = new StringWriter();
        int exit = KubectlSlipway.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--version");
        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("kubectl-slipway ");
    }

    /** The API server's answer to a user without RBAC permission to create, for requests of kubectl-slipway only. */
    private static Dispatcher forbidWritesOfThePlugin(Dispatcher delegate) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String agent = request.getHeader("User-Agent");
                if (agent != null && agent.startsWith("kubectl-slipway/") && "POST".equals(request.getMethod())) {
                    return new MockResponse().setResponseCode(403).setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\","
                        + "\"status\":\"Failure\",\"reason\":\"Forbidden\",\"code\":403,\"message\":\"releases.slipway.dev is forbidden: "
                        + "User \\\"alice\\\" cannot create resource \\\"releases\\\" in API group \\\"slipway.dev\\\" in the namespace \\\"shop\\\"\"}");
                }
                return delegate.dispatch(request);
            }

            @Override
            public void shutdown() {
                delegate.shutdown();
            }
        };
    }
}

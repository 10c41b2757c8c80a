package dev.slipway.app;

import dev.slipway.testing.DeploymentController;
import dev.slipway.testing.TestApiServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the packaged Quarkus application at an in-process API server with the Deployment-controller fixture. */
public class InProcessApiServerResource implements QuarkusTestResourceLifecycleManager {
    private TestApiServer api;
    private DeploymentController deployments;

    @Override
    public Map<String, String> start() {
        api = TestApiServer.start();
        deployments = DeploymentController.start(api.newClient());
        return Map.of(
            "quarkus.kubernetes-client.api-server-url", api.url(),
            "quarkus.kubernetes-client.trust-certs", "true",
            "quarkus.kubernetes-client.namespace", "shop",
            "quarkus.kubernetes-client.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        deployments.close();
        api.close();
    }
}

package dev.slipway.runtime;

import dev.slipway.release.Ownership;
import io.fabric8.kubernetes.client.Config;
import io.quarkus.kubernetes.client.KubernetesConfigCustomizer;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operator's requests carry the User-Agent {@code slipway-operator/…}, which the API server records as the
 * field manager of what the operator writes. Pruning tells the operator's and the plugin's releases from those
 * another tool keeps by that name ({@link Ownership}); Fabric8's default names every Fabric8 client alike.
 */
@Singleton
public class ClientIdentity implements KubernetesConfigCustomizer {
    private final String userAgent;

    public ClientIdentity(@ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        this.userAgent = "slipway-operator/" + version;
    }

    @Override
    public void customize(Config config) {
        config.setUserAgent(userAgent);
    }
}

package dev.slipway.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Several replicas may run; only the holder of the Lease reconciles. Active in the prod profile (see
 * quarkus.operator-sdk.activate-leader-election-for-profiles). A replica that loses the lease exits so that
 * Kubernetes restarts it as a follower.
 */
@Singleton
public class LeaderElection extends LeaderElectionConfiguration {
    /** Where the Lease goes when nothing names a namespace: kubectl's default namespace, as for a kubeconfig without one. */
    static final String FALLBACK_NAMESPACE = "default";

    public LeaderElection(
            @ConfigProperty(name = "slipway.leader-election.lease-name", defaultValue = "slipway-operator") String leaseName,
            @ConfigProperty(name = "slipway.leader-election.lease-namespace") Optional<String> leaseNamespace,
            KubernetesClient client) {
        super(leaseName, leaseNamespace(leaseNamespace, client));
    }

    /**
     * The configured namespace, else the client's: the operator's own in a pod, the kubeconfig context's outside
     * one. A context without a namespace is common (kind's is one), and JOSDK would then refuse to start.
     */
    static String leaseNamespace(Optional<String> configured, KubernetesClient client) {
        return configured.filter(namespace -> !namespace.isBlank())
            .or(() -> Optional.ofNullable(client.getNamespace()))
            .orElse(FALLBACK_NAMESPACE);
    }
}

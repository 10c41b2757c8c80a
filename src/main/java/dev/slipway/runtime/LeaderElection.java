package dev.slipway.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Several replicas may run; only the holder of the Lease reconciles. Active in the prod profile (see
 * quarkus.operator-sdk.activate-leader-election-for-profiles). What a replica does when it stops leading is
 * {@link Handover}'s: hand the Lease back on shutdown, exit when it was lost.
 */
@Singleton
public class LeaderElection extends LeaderElectionConfiguration {
    /** The Lease replicas compete for, unless slipway.leader-election.lease-name names another. */
    public static final String LEASE_NAME = "slipway-operator";
    /** Where the Lease goes when nothing names a namespace: kubectl's default namespace, as for a kubeconfig without one. */
    static final String FALLBACK_NAMESPACE = "default";
    /**
     * How often a standby tries to take the Lease, and the leader renews it: a Lease handed back on shutdown is
     * taken within this (Fabric8 adds up to 20 % jitter). One read a second per standby, one write per leader.
     */
    static final Duration RETRY_PERIOD = Duration.ofSeconds(1);

    @Inject
    public LeaderElection(
            @ConfigProperty(name = "slipway.leader-election.lease-name", defaultValue = LEASE_NAME) String leaseName,
            @ConfigProperty(name = "slipway.leader-election.lease-namespace") Optional<String> leaseNamespace,
            KubernetesClient client, Handover handover) {
        this(leaseName, leaseNamespace(leaseNamespace, client), identity(), client, handover);
    }

    private LeaderElection(String leaseName, String namespace, String identity, KubernetesClient client, Handover handover) {
        super(leaseName, namespace, LEASE_DURATION_DEFAULT_VALUE, RENEW_DEADLINE_DEFAULT_VALUE, RETRY_PERIOD, identity,
            new LeaderCallbacks(() -> { }, () -> handover.stoppedLeading(client, namespace, leaseName, identity), leader -> { }),
            false);
    }

    /**
     * The pod name (HOSTNAME in a pod) and a random suffix: unique also for two processes on one host, and a
     * restarted process never takes its predecessor's Lease for its own.
     */
    static String identity() {
        String host = Optional.ofNullable(System.getenv("HOSTNAME")).filter(h -> !h.isBlank()).orElse("slipway-operator");
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
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

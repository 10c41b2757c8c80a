package dev.slipway.runtime;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Several replicas may run; only the holder of the Lease reconciles. Active in the prod profile (see
 * quarkus.operator-sdk.activate-leader-election-for-profiles). The Lease lives in the operator's namespace
 * unless slipway.leader-election.lease-namespace says otherwise. A replica that loses the lease exits so
 * that Kubernetes restarts it as a follower.
 */
@Singleton
public class LeaderElection extends LeaderElectionConfiguration {

    public LeaderElection(
            @ConfigProperty(name = "slipway.leader-election.lease-name", defaultValue = "slipway-operator") String leaseName,
            @ConfigProperty(name = "slipway.leader-election.lease-namespace") Optional<String> leaseNamespace) {
        super(leaseName, leaseNamespace.orElse(null));
    }
}

package dev.slipway.testing;

import java.util.List;

/**
 * Every way in which a test operator ({@link OperatorInstance}) differs from the packaged one on purpose. Everything
 * else comes from the packaged configuration ({@link PackagedConfiguration}) and the production code that wires it.
 * {@code OperatorConfigurationTest} compares every setting but the ones named here.
 */
public enum TestOverride {
    CLIENT(List.of("operator.getKubernetesClient"),
        "Each test operator is handed its own client for its in-process API server, with a User-Agent of its own where a"
            + " test tells operators apart; the packaged one builds it from quarkus.kubernetes-client.* with ClientIdentity's."),
    METER_REGISTRY(List.of(),
        "JOSDK's and Slipway's metrics go to a SimpleMeterRegistry, or the test's own; the packaged operator's to the"
            + " Prometheus registry. The metrics themselves are the packaged ones (MetricsProducer)."),
    NO_LEADER_ELECTION(List.of("operator.getLeaderElectionConfiguration"),
        "A test operator runs alone, as the packaged one does outside the prod profile; only startReplica elects a leader."),
    REPLICA_LEASE_TIMING(List.of("leaderElection.getLeaseDuration", "leaderElection.getRenewDeadline", "leaderElection.getRetryPeriod"),
        "Replicas hold the Lease for 3 s, renew within 2 s and retry every 250 ms (packaged: 15 s, 10 s, 1 s), so that a"
            + " hand-over happens within a test's convergence bound."),
    REPLICA_IDENTITY_AND_LEASE_NAMESPACE(List.of("leaderElection.getIdentity", "leaderElection.getLeaseNamespace"),
        "Given by the test: several replicas share one JVM, and the test looks for the Lease where it put it."),
    REPLICA_STAYS_UP(List.of("leaderElection.getLeaderCallbacks"),
        "A replica that loses the Lease stops leading; the packaged operator exits (Handover) for Kubernetes to restart it,"
            + " which a replica in the test JVM cannot.");

    /** The settings it covers, as OperatorConfigurationTest names them. */
    public final List<String> settings;
    public final String why;

    TestOverride(List<String> settings, String why) {
        this.settings = settings;
        this.why = why;
    }
}

package dev.slipway.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the reconcile-loop scenarios: a fresh cluster (API server, Deployment controller, operator) per test. */
public abstract class ClusterScenario {
    protected Cluster cluster;

    @BeforeEach
    void startCluster() {
        cluster = newCluster();
    }

    /** The cluster each test gets; a scenario that needs another kind overrides this. */
    protected Cluster newCluster() {
        return new Cluster();
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }
}

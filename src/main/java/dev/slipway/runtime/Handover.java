package dev.slipway.runtime;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.ZonedDateTime;
import org.jboss.logging.Logger;

/**
 * What a replica does when it stops leading. JOSDK 5.2's own answer is {@code System.exit(1)} from the
 * stop-leading callback, which on SIGTERM runs inside the JVM's shutdown and deadlocks it (the process then
 * lives until SIGKILL and its Lease until it expires; java-operator-sdk#1614, #2496, fixed upstream by #3383 in
 * a release newer than the one reachable here). So leader election runs with exit-on-stop-leading off and this
 * callback decides:
 * <ul>
 *   <li>Shutting down (SIGTERM: pod deleted, node drained, rolling upgrade): reconciling has already stopped,
 *   so the Lease is handed back at once (holder cleared, as client-go's ReleaseOnCancel does) and a standby
 *   leads at its next try instead of after the lease duration. JOSDK does not ask Fabric8 to release it.</li>
 *   <li>The Lease was lost while running (API server unreachable past the renew deadline): the process exits
 *   with 1, through Quarkus' orderly shutdown, so that Kubernetes restarts it as a follower.</li>
 * </ul>
 */
@Singleton
public class Handover {
    private static final Logger LOG = Logger.getLogger(Handover.class);

    private volatile boolean shuttingDown;

    /** Before the operator extension stops the operator (default priority), so the callback knows why it runs. */
    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        shuttingDown = true;
    }

    void stoppedLeading(KubernetesClient client, String namespace, String leaseName, String identity) {
        if (!shuttingDown) {
            LOG.errorf("Lost the leader-election Lease %s/%s; exiting so that a new process joins as a follower", namespace, leaseName);
            Quarkus.asyncExit(1);
            return;
        }
        release(client, namespace, leaseName, identity);
    }

    /** Clears the holder if it is still {@code identity}; a conditional write, so a Lease taken over meanwhile is left alone. */
    static void release(KubernetesClient client, String namespace, String leaseName, String identity) {
        try {
            Lease lease = client.leases().inNamespace(namespace).withName(leaseName).get();
            if (lease == null || lease.getSpec() == null || !identity.equals(lease.getSpec().getHolderIdentity())) {
                return;
            }
            lease.getSpec().setHolderIdentity("");
            lease.getSpec().setLeaseDurationSeconds(1);
            lease.getSpec().setRenewTime(ZonedDateTime.now());
            client.resource(lease).update();
            LOG.infof("Released the leader-election Lease %s/%s", namespace, leaseName);
        } catch (KubernetesClientException e) {
            // A standby then takes over when the lease expires, as after a crash.
            LOG.warnf("Could not release the leader-election Lease %s/%s (%s); a standby leads once it expires",
                namespace, leaseName, e.getMessage());
        }
    }
}

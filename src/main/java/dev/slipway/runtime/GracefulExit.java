package dev.slipway.runtime;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import sun.misc.Signal;

/**
 * SIGTERM is how Kubernetes asks the operator to stop (pod deleted, node drained, rolling upgrade). The JVM's own
 * handler runs the shutdown (operator stopped, Lease handed back: {@link Handover}) and then exits with 143, which
 * the pod reports as an Error; a stop that was asked for and completed exits 0, as a finished container does.
 * Quarkus installs no handler for TERM (only for QUIT and BREAK, for thread dumps), so this one replaces the JVM's.
 */
@Singleton
public class GracefulExit {
    void onStart(@Observes StartupEvent event) {
        Signal.handle(new Signal("TERM"), signal -> System.exit(0));
    }
}

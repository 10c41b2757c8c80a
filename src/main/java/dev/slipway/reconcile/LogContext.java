package dev.slipway.reconcile;

import dev.slipway.model.Release;
import dev.slipway.release.Releases;
import org.jboss.logging.MDC;

/**
 * The fields every log line of a reconcile carries: namespace and app for the whole reconcile, version for
 * lines about one release. With JSON logging they become keys of their own.
 */
final class LogContext {
    static final String NAMESPACE = "namespace";
    static final String APP = "app";
    static final String VERSION = "version";

    private LogContext() {
    }

    static void enterApp(String namespace, String app) {
        MDC.put(NAMESPACE, namespace);
        MDC.put(APP, app);
    }

    static void leaveApp() {
        MDC.remove(NAMESPACE);
        MDC.remove(APP);
        MDC.remove(VERSION);
    }

    static void release(Release release) {
        if (Releases.isNumbered(release)) {
            MDC.put(VERSION, Releases.label(release));
        } else {
            MDC.remove(VERSION);
        }
    }
}

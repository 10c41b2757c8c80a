package dev.slipway.cli;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * Start-up work every command needs and that does not depend on the kubeconfig, done on a second thread while
 * the main thread reads the kubeconfig: building the JSON binding of Apps and Releases (Jackson introspects each
 * model class once, the largest share of a short run after the kubeconfig) and the JDK's TLS set-up. A run is
 * short and single-threaded, so on a machine with two cores this work is otherwise paid for in sequence.
 * Nothing here is needed for correctness: if the thread fails or is slow, the main thread does the same work
 * itself when it gets there.
 */
final class Warmup {
    private static final String RELEASE = """
        {"apiVersion":"slipway.dev/v1alpha1","kind":"Release","metadata":{"name":"warmup","labels":{"a":"b"}},
         "spec":{"app":"warmup","image":"warmup","config":{"A":"b"},"source":{"commit":"c"}},
         "status":{"version":1,"phase":"Active","conditions":[{"type":"Ready","status":"True"}]}}""";
    private static final String APP = """
        {"apiVersion":"slipway.dev/v1alpha1","kind":"App","metadata":{"name":"warmup"},
         "spec":{"processes":{"web":{"replicas":1}},"config":{"A":"b"}},
         "status":{"latestVersion":1,"activeRelease":{"name":"warmup","version":1},"conditions":[{"type":"Ready","status":"True"}]}}""";

    private final KubernetesSerialization serialization = new KubernetesSerialization();

    Warmup() {
    }

    /** Starts the work in the background; the client must be built with {@link #serialization()} to profit. */
    static Warmup start() {
        Warmup warmup = new Warmup();
        Thread thread = new Thread(warmup::run, "kubectl-slipway-warmup");
        thread.setDaemon(true);
        thread.start();
        return warmup;
    }

    /** The serialization whose Release and App bindings are being built; Jackson's caches are thread-safe. */
    KubernetesSerialization serialization() {
        return serialization;
    }

    private void run() {
        try {
            warm();
        } catch (RuntimeException | NoSuchAlgorithmException e) {
            // Only a head start: whatever failed here fails or succeeds again, with a proper error, on the main thread.
        }
    }

    /** The work itself; returns what it bound, so a test can tell that the documents still fit the model. */
    List<Object> warm() throws NoSuchAlgorithmException {
        App app = serialization.unmarshal(APP, App.class);
        Release release = serialization.unmarshal(RELEASE, Release.class);
        SSLContext.getDefault();
        return List.of(app, release);
    }
}

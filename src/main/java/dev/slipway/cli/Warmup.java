package dev.slipway.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.model.App;
import dev.slipway.model.Release;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLContext;

/**
 * Start-up work every command needs and that does not depend on the command line or the kubeconfig, done on a
 * second thread while the main thread parses the command line and reads the kubeconfig, in the order the main
 * thread needs it: the JDK's TLS set-up (the client's TLS context is built first), the JSON serialization
 * (Jackson's first use), then the binding of Apps and Releases (Jackson introspects each model class once; the
 * first answer needs it). A run is short and mostly single-threaded, so on a machine with two cores this work is
 * otherwise paid for in sequence.
 * The serialization does not scan the classpath for Kubernetes classes: the plugin reads and writes only typed
 * resources, never a document whose kind decides its class, and the scan costs about 0.1 s.
 * The main thread waits only for the serialization, which comes right after the TLS set-up its client needs
 * next anyway; if the thread fails, the main thread makes its own serialization and does the rest itself when
 * it gets there, so nothing here is needed for correctness.
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

    private static Warmup running;

    private final CompletableFuture<KubernetesSerialization> serialization = new CompletableFuture<>();

    Warmup() {
    }

    /**
     * The warm-up of this process, started now unless it already runs (main starts it first thing); the client
     * must be built with {@link #serialization()} to profit.
     */
    static synchronized Warmup start() {
        if (running == null) {
            running = new Warmup();
            Thread thread = new Thread(running::run, "kubectl-slipway-warmup");
            thread.setDaemon(true);
            thread.start();
        }
        return running;
    }

    /** The serialization whose Release and App bindings are being built; Jackson's caches are thread-safe. */
    KubernetesSerialization serialization() {
        try {
            return serialization.join();
        } catch (CompletionException | CancellationException e) {
            return newSerialization();
        }
    }

    private void run() {
        try {
            warm();
        } catch (Throwable e) {
            // Only a head start: whatever failed here fails or succeeds again, with a proper error, on the main thread,
            // which must not wait forever for a serialization this thread will never make, whatever it was that failed.
            serialization.completeExceptionally(e);
        }
    }

    /** The work itself; returns what it bound, so a test can tell that the documents still fit the model. */
    List<Object> warm() throws NoSuchAlgorithmException {
        SSLContext.getDefault();
        KubernetesSerialization json = newSerialization();
        serialization.complete(json);
        App app = json.unmarshal(APP, App.class);
        Release release = json.unmarshal(RELEASE, Release.class);
        return List.of(app, release);
    }

    private static KubernetesSerialization newSerialization() {
        return new KubernetesSerialization(new ObjectMapper(), false);
    }
}

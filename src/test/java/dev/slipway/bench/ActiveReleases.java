package dev.slipway.bench;

import dev.slipway.model.App;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The active release of every App in a namespace, kept by an informer: telling whether a fleet of 1,000
 * apps has converged then costs the API server nothing, where listing them every few hundred milliseconds
 * would be a load of its own and skew what is measured.
 */
final class ActiveReleases implements AutoCloseable {
    private final SharedIndexInformer<App> informer;
    private final Map<String, String> active = new ConcurrentHashMap<>();

    ActiveReleases(KubernetesClient client, String namespace) {
        informer = client.resources(App.class).inNamespace(namespace).inform(new io.fabric8.kubernetes.client.informers.ResourceEventHandler<>() {
            @Override
            public void onAdd(App app) {
                record(app);
            }

            @Override
            public void onUpdate(App before, App app) {
                record(app);
            }

            @Override
            public void onDelete(App app, boolean unknownFinalState) {
                active.remove(app.getMetadata().getName());
            }
        });
    }

    private void record(App app) {
        var status = app.getStatus();
        if (status != null && status.getActiveRelease() != null && status.getActiveRelease().getName() != null) {
            active.put(app.getMetadata().getName(), status.getActiveRelease().getName());
        }
    }

    /** How many of {@code apps} run the release built from {@code build}. */
    long running(Collection<String> apps, int build) {
        return apps.stream().filter(app -> (app + "-b" + build).equals(active.get(app))).count();
    }

    @Override
    public void close() {
        informer.close();
    }
}

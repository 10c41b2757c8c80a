package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.AppSpec;
import dev.slipway.model.Release;
import dev.slipway.release.Pruning;
import dev.slipway.release.Releases;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** Deletes the releases beyond App.spec.historyLimit (see {@link Pruning} for which ones are never pruned). */
final class Pruner {
    private static final Logger LOG = Logger.getLogger(Pruner.class);

    private final KubernetesClient client;
    private final EventRecorder events;

    Pruner(KubernetesClient client, EventRecorder events) {
        this.client = client;
        this.events = events;
    }

    /**
     * @param remaining      the releases that remain
     * @param deleted        the releases this pass deleted
     * @param keptElsewhere  releases over the limit that another tool keeps, with that tool
     */
    record Result(List<Release> remaining, List<Release> deleted, Map<Release, String> keptElsewhere) {
        static Result nothing(List<Release> numbered) {
            return new Result(numbered, List.of(), Map.of());
        }
    }

    Result prune(App app, List<Release> numbered, Release active, Release target) {
        int limit = app.getSpec().getHistoryLimit() == null ? AppSpec.DEFAULT_HISTORY_LIMIT : app.getSpec().getHistoryLimit();
        Pruning.Plan plan = Pruning.plan(numbered, active, target, limit);
        List<Release> doomed = plan.prune();
        if (doomed.isEmpty()) {
            return new Result(numbered, List.of(), plan.keptElsewhere());
        }
        List<Release> remaining = new ArrayList<>(numbered);
        List<Release> deletedNow = new ArrayList<>();
        for (Release release : doomed) {
            boolean deleted = !client.resource(release).delete().isEmpty();
            remaining.remove(release);
            if (!deleted) {
                // Pruned by an earlier pass whose delete event the cache has not seen yet: already reported.
                continue;
            }
            deletedNow.add(release);
            String message = "Pruned " + Releases.label(release) + " (" + release.getMetadata().getName()
                + "): more than " + limit + " inactive releases (spec.historyLimit)";
            LOG.infof("App %s/%s: %s", app.getMetadata().getNamespace(), app.getMetadata().getName(), message);
            events.normal(app, "Pruned", message);
        }
        return new Result(remaining, deletedNow, plan.keptElsewhere());
    }
}

package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.AppSpec;
import dev.slipway.model.Release;
import dev.slipway.release.Pruning;
import dev.slipway.release.Releases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The releases beyond App.spec.historyLimit to delete (see {@link Pruning} for which ones are never pruned). */
final class Pruner {
    private Pruner() {
    }

    /**
     * @param release the release to delete
     * @param notices told when the delete took effect: one the API server no longer has was pruned by an earlier pass
     *                whose delete event the cache has not seen yet, and reported then
     */
    record Prune(Release release, List<Notice> notices) {
    }

    /**
     * @param remaining      the releases that remain
     * @param prunes         the deletes, oldest first
     * @param keptElsewhere  releases over the limit that another tool keeps, with that tool
     */
    record Plan(List<Release> remaining, List<Prune> prunes, Map<Release, String> keptElsewhere) {
        static Plan nothing(List<Release> numbered) {
            return new Plan(numbered, List.of(), Map.of());
        }
    }

    static Plan plan(App app, List<Release> numbered, Release active, Release target) {
        int limit = app.getSpec().getHistoryLimit() == null ? AppSpec.DEFAULT_HISTORY_LIMIT : app.getSpec().getHistoryLimit();
        Pruning.Plan plan = Pruning.plan(numbered, active, target, limit);
        List<Release> remaining = new ArrayList<>(numbered);
        List<Prune> prunes = new ArrayList<>();
        for (Release release : plan.prune()) {
            remaining.remove(release);
            String message = "Pruned " + Releases.label(release) + " (" + release.getMetadata().getName()
                + "): more than " + limit + " inactive releases (spec.historyLimit)";
            prunes.add(new Prune(release, List.of(
                Notice.info(Pruner.class, "App " + app.getMetadata().getNamespace() + "/" + app.getMetadata().getName() + ": " + message),
                Notice.normal(app, "Pruned", message))));
        }
        return new Plan(remaining, prunes, plan.keptElsewhere());
    }
}

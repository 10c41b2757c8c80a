package dev.slipway.reliability;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.rollback;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.RequestPhase;
import dev.slipway.release.Releases;
import dev.slipway.testing.Cluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * One app's life: deploys, a config change and a rollback, each step awaited before the next, so the final
 * state is the same whatever faults happened on the way. {@link #finalState} renders that state without
 * names, timestamps or uids, for comparison with a fault-free run.
 */
final class Scenario {
    private final Cluster cluster;
    private final String app;
    private final Runnable whileWaiting;
    private final boolean secondDeploy;

    /**
     * @param whileWaiting called while waiting for a step, e.g. to replace a crashed operator
     * @param secondDeploy whether a second build is deployed before the config change
     */
    Scenario(Cluster cluster, String app, Runnable whileWaiting, boolean secondDeploy) {
        this.cluster = cluster;
        this.app = app;
        this.whileWaiting = whileWaiting;
        this.secondDeploy = secondDeploy;
    }

    void run() {
        int version = 1;
        cluster.create(webAndWorker(app, Map.of("A", "1")));
        cluster.create(release(app + "-r1", app, "registry.example/web:1"));
        awaitActive(version);
        if (secondDeploy) {
            cluster.create(release(app + "-r2", app, "registry.example/web:2"));
            awaitActive(++version);
        }
        cluster.update(App.class, app, a -> a.getSpec().setConfig(Map.of("A", "2", "B", "1")));
        awaitActive(++version);
        cluster.create(rollback(app + "-undo", app, "v1"));
        long rolledBack = ++version;
        awaitStep(() -> activeVersion() == rolledBack && rollbackDone());
    }

    private void awaitActive(long version) {
        awaitStep(() -> activeVersion() == version);
    }

    /** Everything users see of the app, with the app name replaced by "app". */
    String finalState() {
        Map<String, Object> state = new TreeMap<>();
        List<Release> releases = cluster.releasesOf(app);
        for (Release r : releases) {
            state.put("release " + Releases.version(r), List.of(r.getMetadata().getName().replace(app, "app"),
                String.valueOf(r.getSpec().getCause()), r.getSpec().getImage(), new TreeMap<>(r.getSpec().getConfig()),
                String.valueOf(r.getSpec().getRollbackOf()), String.valueOf(r.getStatus().getPhase()),
                String.valueOf(r.getSpec().getDescription())));
        }
        var rollback = cluster.rollback(app + "-undo").getStatus();
        state.put("rollback", List.of(rollback.getPhase(), rollback.getFrom(), rollback.getTo(), rollback.getRelease().replace(app, "app")));
        for (String process : List.of("web", "worker")) {
            var deployment = cluster.deployment(app + "-" + process);
            state.put("deployment " + process, List.of(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage(),
                deployment.getSpec().getTemplate().getMetadata().getLabels().get("slipway.dev/version")));
        }
        var status = cluster.app(app).getStatus();
        state.put("app", List.of(status.getActiveRelease().getVersion(), status.getLatestVersion()));
        return state.toString();
    }

    private long activeVersion() {
        App current = cluster.app(app);
        boolean settled = current != null && current.getStatus() != null && current.getStatus().getActiveRelease() != null
            && current.getStatus().getConditions().stream().anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
        return settled ? current.getStatus().getActiveRelease().getVersion() : -1;
    }

    private boolean rollbackDone() {
        var rollback = cluster.rollback(app + "-undo");
        return rollback.getStatus() != null && rollback.getStatus().getPhase() == RequestPhase.Succeeded;
    }

    private void awaitStep(Callable<Boolean> done) {
        await().atMost(Cluster.CONVERGENCE).pollInterval(Duration.ofMillis(20)).until(() -> {
            whileWaiting.run();
            return done.call() && releasesSettled();
        });
    }

    private boolean releasesSettled() {
        return cluster.releasesOf(app).stream().allMatch(r -> r.getStatus() != null
            && r.getStatus().getPhase() != null && r.getStatus().getPhase() != ReleasePhase.Deploying
            && r.getStatus().getPhase() != ReleasePhase.Pending);
    }
}

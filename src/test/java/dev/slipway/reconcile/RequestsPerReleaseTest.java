package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.rollback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.App;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.RequestPhase;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.Manifests;
import dev.slipway.testing.RequestLog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The requests the operator sends for one App's life, by kind: deploys past its historyLimit, a config change and a
 * Rollback, each awaited until the App has settled. docs/benchmarks.md measures the same per deploy on the packaged
 * operator; this pins the counts in every build, so a reshaping of the pass that adds or drops a request shows here.
 * Deploys and config changes read nothing (the caches serve them); a Rollback's reads are not pinned here.
 */
class RequestsPerReleaseTest {
    private static final String OPERATOR = "slipway-operator-counted";
    private static final int DEPLOYS = 6;
    /** Long against a pass here: when no request came for this long, the App has settled and its Events are sent. */
    private static final Duration QUIET = Duration.ofMillis(700);

    /** How many of the operator's requests were counted already. */
    private int seen;

    @Test
    void deploysAConfigChangeAndARollbackMakeTheRequestsTheyMadeBefore() {
        AtomicReference<RequestLog> log = new AtomicReference<>();
        try (Cluster cluster = new Cluster(server -> {
            log.set(new RequestLog(server));
            return log.get();
        })) {
            cluster.stopOperator();
            cluster.startOperator(OPERATOR);
            var web = Manifests.process(1, List.of("bin/web"));
            web.setPort(5000);
            App app = Manifests.app("counted", Map.of("web", web), Map.of("GREETING", "hello"));
            app.getSpec().setHistoryLimit(2);
            cluster.create(app);
            // Counted from an App that has settled without releases, so that no count depends on whether the first
            // pass saw the first release.
            await().atMost(Cluster.CONVERGENCE).until(() -> cluster.app("counted").getStatus() != null);
            countAndClear(log.get());
            for (int build = 1; build <= DEPLOYS; build++) {
                cluster.create(release("counted-b" + build, "counted", "registry.example/counted:" + build));
                awaitSettled(cluster, log.get(), "counted-b" + build);
            }
            Map<String, Integer> deploys = countAndClear(log.get());

            cluster.update(App.class, "counted", a -> a.getSpec().setConfig(Map.of("GREETING", "hi")));
            awaitSettled(cluster, log.get(), "counted-v" + (DEPLOYS + 1));
            Map<String, Integer> config = countAndClear(log.get());

            cluster.create(rollback("counted-undo", "counted", "v" + DEPLOYS));
            cluster.awaitRollback("counted-undo", RequestPhase.Succeeded);
            awaitSettled(cluster, log.get(), "counted-v" + (DEPLOYS + 2));
            Map<String, Integer> rollback = countAndClear(log.get());
            rollback.keySet().removeIf(kind -> kind.startsWith("GET "));

            assertThat(deploys).as("requests of %d deploys", DEPLOYS).isEqualTo(Map.of(
                "DELETE releases", 3,
                "PATCH releases", 6,
                "POST configmaps", 1,
                "POST deployments", 1,
                "POST events", 39,
                "POST services", 1,
                "PUT apps/status", 12,
                "PUT configmaps", 8,
                "PUT deployments", 5,
                "PUT releases/status", 17));
            assertThat(config).as("requests of a config change").isEqualTo(Map.of(
                "DELETE releases", 1,
                "POST events", 7,
                "POST releases", 1,
                "PUT apps/status", 2,
                "PUT configmaps", 2,
                "PUT deployments", 1,
                "PUT releases/status", 3));
            assertThat(rollback).as("requests of a Rollback").isEqualTo(Map.of(
                "DELETE releases", 1,
                "POST events", 9,
                "POST releases", 1,
                "PUT apps/status", 2,
                "PUT configmaps", 2,
                "PUT deployments", 1,
                "PUT releases/status", 3,
                "PUT rollbacks/status", 1));
        }
    }

    /** The release is Active, the App says so, and the operator has been quiet for {@link #QUIET}. */
    private static void awaitSettled(Cluster cluster, RequestLog log, String release) {
        cluster.awaitPhase(release, ReleasePhase.Active);
        await().atMost(Cluster.CONVERGENCE).until(() -> {
            App app = cluster.app("counted");
            return app.getStatus() != null && app.getStatus().getActiveRelease() != null
                && release.equals(app.getStatus().getActiveRelease().getName());
        });
        await().atMost(Cluster.CONVERGENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<RequestLog.Request> requests = ours(log);
            int before = requests.size();
            Thread.sleep(QUIET.toMillis());
            return ours(log).size() == before;
        });
    }

    private static List<RequestLog.Request> ours(RequestLog log) {
        return log.requests().stream()
            .filter(r -> r.userAgent() != null && r.userAgent().startsWith(OPERATOR))
            .filter(r -> !r.path().contains("/leases") && !(r.method().equals("GET") && !namesAnObject(r)))
            .toList();
    }

    /** A GET of one object, as opposed to the lists and watches the informers start with. */
    private static boolean namesAnObject(RequestLog.Request request) {
        List<String> parts = List.of(request.path().split("\\?")[0].split("/"));
        int namespaces = parts.indexOf("namespaces");
        return namespaces >= 0 && parts.size() > namespaces + 3;
    }

    /** Requests of the operator since the last count, by method and resource ("PUT releases/status"). */
    private Map<String, Integer> countAndClear(RequestLog log) {
        List<RequestLog.Request> requests = ours(log);
        Map<String, Integer> counts = new TreeMap<>();
        requests.subList(seen, requests.size()).forEach(r -> counts.merge(kind(r), 1, Integer::sum));
        seen = requests.size();
        return counts;
    }

    private static String kind(RequestLog.Request request) {
        String path = request.path().split("\\?")[0];
        List<String> parts = List.of(path.split("/"));
        int namespaces = parts.indexOf("namespaces");
        String resource = namespaces >= 0 && parts.size() > namespaces + 2 ? parts.get(namespaces + 2) : parts.get(parts.size() - 1);
        return request.method() + " " + resource + (path.endsWith("/status") ? "/status" : "");
    }
}

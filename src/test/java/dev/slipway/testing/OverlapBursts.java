package dev.slipway.testing;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.rollback;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.Rollback;
import dev.slipway.model.RequestPhase;
import dev.slipway.model.Slipway;
import dev.slipway.release.Releases;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * Bursts of deploys and rollbacks at operators that overlap (two replicas that both believe they lead), and what
 * must hold afterwards: versions 1..N without a duplicate, every Rollback carried out, with exactly one release.
 * Deploys and rollbacks are interleaved, so a release created while a Rollback is carried out changes the version
 * the next pass would give the Rollback's release. The rollbacks go back to v1 (a base release).
 */
public final class OverlapBursts {
    private static final List<String> APPS = List.of("alpha", "beta");
    private static final int ROLLBACKS_PER_BURST = 2;
    /** A first deploy, then one after each Rollback. */
    private static final int DEPLOYS_PER_BURST = ROLLBACKS_PER_BURST + 1;

    private final KubernetesClient client;
    private final int bursts;

    public OverlapBursts(KubernetesClient client, int bursts) {
        this.client = client;
        this.bursts = bursts;
    }

    public void run() {
        for (String app : APPS) {
            App spec = webAndWorker(app, Map.of());
            spec.getSpec().setHistoryLimit(1000);
            client.resource(spec).create();
            client.resource(release(app + "-base", app, "registry.example/" + app + ":base")).create();
        }
        await().atMost(Cluster.CONVERGENCE).until(() -> APPS.stream().allMatch(app -> ReleasePhase.Active == phase(app + "-base")));
        for (int burst = 1; burst <= bursts; burst++) {
            String first = "-b" + burst + "-1";
            String image = ":" + burst + ".1";
            APPS.forEach(app -> client.resource(release(app + first, app, "registry.example/" + app + image)).create());
            // v1 no longer runs, so no Rollback to it can be refused as "already active".
            await().atMost(Cluster.CONVERGENCE).until(() -> APPS.stream().allMatch(app -> ReleasePhase.Active == phase(app + first)));
            for (int i = 1; i <= ROLLBACKS_PER_BURST; i++) {
                for (String app : APPS) {
                    client.resource(rollback(app + "-undo" + burst + "-" + i, app, "v1")).create();
                    client.resource(release(app + "-b" + burst + "-" + (i + 1), app, "registry.example/" + app + ":" + burst + "." + (i + 1))).create();
                }
            }
            await().atMost(Cluster.CONVERGENCE).until(this::settled);
        }
    }

    public void assertNoDuplicates() {
        for (String app : APPS) {
            List<Release> releases = releasesOf(app);
            List<Rollback> undos = rollbacksOf(app);
            assertThat(undos).as("rollbacks of %s", app).hasSize(bursts * ROLLBACKS_PER_BURST)
                .allSatisfy(r -> assertThat(r.getStatus().getPhase()).as("%s: %s", r.getMetadata().getName(), r.getStatus().getMessage())
                    .isEqualTo(RequestPhase.Succeeded));
            long expected = 1 + bursts * DEPLOYS_PER_BURST + undos.size();
            assertThat(releases.stream().map(Releases::version)).as("versions of %s: %s", app, releases.stream()
                    .map(r -> Releases.version(r) + " " + r.getMetadata().getName() + " " + madeFor(r)).toList())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, expected).boxed().toList());
            for (Rollback undo : undos) {
                assertThat(releases.stream().filter(r -> undo.getMetadata().getUid().equals(madeFor(r))))
                    .as("releases made for %s", undo.getMetadata().getName()).hasSize(1)
                    .allMatch(r -> r.getMetadata().getName().equals(undo.getStatus().getRelease()));
            }
        }
    }

    private boolean settled() {
        return APPS.stream().allMatch(app -> releasesOf(app).stream().allMatch(Releases::isNumbered)
            && rollbacksOf(app).stream().allMatch(r -> r.getStatus() != null && r.getStatus().getPhase() != null
                && r.getStatus().getPhase() != RequestPhase.Pending));
    }

    private ReleasePhase phase(String name) {
        Release release = client.resources(Release.class).inNamespace(Manifests.NAMESPACE).withName(name).get();
        return release == null || release.getStatus() == null ? null : release.getStatus().getPhase();
    }

    private List<Release> releasesOf(String app) {
        return client.resources(Release.class).inNamespace(Manifests.NAMESPACE).list().getItems().stream()
            .filter(r -> app.equals(r.getSpec().getApp()))
            .sorted(Comparator.comparing(r -> Releases.isNumbered(r) ? Releases.version(r) : Long.MAX_VALUE))
            .toList();
    }

    private List<Rollback> rollbacksOf(String app) {
        return client.resources(Rollback.class).inNamespace(Manifests.NAMESPACE).list().getItems().stream()
            .filter(r -> app.equals(r.getSpec().getApp())).toList();
    }

    private static String madeFor(Release release) {
        return release.getMetadata().getAnnotations() == null ? null
            : release.getMetadata().getAnnotations().get(Slipway.ANNOTATION_ROLLBACK_UID);
    }
}

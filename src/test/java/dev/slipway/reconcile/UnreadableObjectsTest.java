package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.ReleasePhase;
import dev.slipway.model.RequestPhase;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.ClusterScenario;
import dev.slipway.testing.Manifests;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Objects a server without schema validation lets through, or that a newer CRD allows, and that the model
 * cannot read: each is reported on its own, and every other object keeps converging, also after a restart.
 * Before {@code TolerantReader}, one such App stopped the App informer ("watch failed … will stop") and with
 * it the operator for every App; a Release with a field the model lacks did the same for Releases.
 */
class UnreadableObjectsTest extends ClusterScenario {
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @Override
    protected Cluster newCluster() {
        return new Cluster(metrics);
    }

    @Test
    void anAppWithAValueBeyondItsTypeIsReportedAndTheOthersKeepDeploying() {
        cluster.create(webAndWorker("before", Map.of()));
        cluster.create(release("before-a", "before", "registry.example/before/web:1"));
        cluster.awaitPhase("before-a", ReleasePhase.Active);

        Manifests.createRaw(cluster.client, """
            apiVersion: slipway.dev/v1alpha1
            kind: App
            metadata: {name: huge, namespace: shop}
            spec:
              processes:
                web: {replicas: 3000000000, command: [bin/web]}
            """);
        cluster.create(release("huge-a", "huge", "registry.example/huge/web:1"));
        cluster.create(webAndWorker("after", Map.of()));
        cluster.create(release("after-a", "after", "registry.example/after/web:1"));
        cluster.create(release("before-b", "before", "registry.example/before/web:2"));

        cluster.awaitPhase("after-a", ReleasePhase.Active);
        cluster.awaitPhase("before-b", ReleasePhase.Active);
        awaitStalledUnreadable("huge", "spec.processes.web.replicas");
        assertThat(cluster.deployment("huge-web")).as("nothing runs for an App that cannot be read").isNull();
        assertThat(cluster.release("huge-a").getStatus() == null || cluster.release("huge-a").getStatus().getVersion() == null)
            .as("its releases are not numbered").isTrue();
        assertThat(eventsFor("huge")).anySatisfy(e -> {
            assertThat(e.getReason()).isEqualTo("Unreadable");
            assertThat(e.getMessage()).contains("spec.processes.web.replicas").contains("correct the manifest");
        });
        assertThat(metrics.get("slipway.unreadable.objects").tag("kind", "App").counter().count()).isEqualTo(1.0);

        cluster.restartOperator();
        cluster.create(release("after-b", "after", "registry.example/after/web:2"));
        cluster.awaitPhase("after-b", ReleasePhase.Active);
        awaitStalledUnreadable("huge", "spec.processes.web.replicas");

        cluster.client.genericKubernetesResources("slipway.dev/v1alpha1", "App").inNamespace(Manifests.NAMESPACE).withName("huge")
            .edit(app -> {
                app.setAdditionalProperty("spec", Map.of("processes", Map.of("web", Map.of("replicas", 3, "command", List.of("bin/web")))));
                return app;
            });
        cluster.awaitPhase("huge-a", ReleasePhase.Active);
        assertThat(cluster.deployment("huge-web").getSpec().getReplicas()).isEqualTo(3);
    }

    @Test
    void aReleaseWithAFieldTheModelLacksRunsAndKeepsTheField() {
        cluster.create(webAndWorker("shop", Map.of("A", "1")));
        Manifests.createRaw(cluster.client, """
            apiVersion: slipway.dev/v1alpha1
            kind: Release
            metadata: {name: shop-newer, namespace: shop}
            spec: {app: shop, image: "registry.example/shop/web:1", fromANewerCrd: {staged: true}}
            """);

        cluster.awaitPhase("shop-newer", ReleasePhase.Active);

        Map<String, Object> spec = raw("Release", "shop-newer").get("spec") instanceof Map<?, ?> m ? cast(m) : Map.of();
        assertThat(spec).as("the operator filled in config and description, and kept the unknown field")
            .containsKeys("config", "description").containsEntry("fromANewerCrd", Map.of("staged", true));
    }

    @Test
    void anUnreadableReleaseAndRollbackAreRefusedOnTheirOwn() {
        cluster.create(webAndWorker("shop", Map.of()));
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);

        Manifests.createRaw(cluster.client, """
            apiVersion: slipway.dev/v1alpha1
            kind: Release
            metadata: {name: shop-bad, namespace: shop}
            spec: {app: shop, image: "registry.example/shop/web:2", source: "not an object"}
            """);
        Manifests.createRaw(cluster.client, """
            apiVersion: slipway.dev/v1alpha1
            kind: Rollback
            metadata: {name: shop-undo, namespace: shop}
            spec: {app: shop, to: {version: 1}}
            """);
        cluster.create(release("shop-b", "shop", "registry.example/shop/web:3"));

        cluster.awaitPhase("shop-b", ReleasePhase.Active);
        cluster.awaitRollback("shop-undo", RequestPhase.Failed);
        assertThat(cluster.rollback("shop-undo").getStatus().getMessage()).contains("Cannot read Rollback shop-undo: spec.to");
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(rawStatus("Release", "shop-bad"))
            .containsEntry("phase", "Pending").extractingByKey("message").asString().contains("spec.source"));
        assertThat(cluster.releasesOf("shop")).extracting(r -> r.getMetadata().getName()).containsExactly("shop-a", "shop-b");
    }

    @Test
    void aNumberedReleaseThatCannotBeReadKeepsWhatRunsUntilItIsCorrected() {
        cluster.create(webAndWorker("shop", Map.of()));
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);
        cluster.create(release("shop-b", "shop", "registry.example/shop/web:2"));
        cluster.awaitPhase("shop-b", ReleasePhase.Active);

        // Written past the schema (a server without the immutability rule, or an older operator's model).
        editRaw("shop-b", spec -> spec.put("source", "not an object"));
        awaitStalledUnreadable("shop", "Release shop-b of this App's history: spec.source");
        cluster.create(release("shop-c", "shop", "registry.example/shop/web:3"));

        assertThat(cluster.deployment("shop-web").getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
            .as("not rolled back to v1, not moved on to shop-c").isEqualTo("registry.example/shop/web:2");
        assertThat(cluster.release("shop-c").getStatus() == null ? null : cluster.release("shop-c").getStatus().getVersion()).isNull();

        editRaw("shop-b", spec -> spec.remove("source"));
        cluster.awaitPhase("shop-c", ReleasePhase.Active);
        assertThat(cluster.release("shop-c").getStatus().getVersion()).isEqualTo(3L);
    }

    @SuppressWarnings("unchecked")
    private void editRaw(String release, java.util.function.Consumer<Map<String, Object>> change) {
        cluster.client.genericKubernetesResources("slipway.dev/v1alpha1", "Release").inNamespace(Manifests.NAMESPACE)
            .withName(release).edit(r -> {
                Map<String, Object> spec = new java.util.LinkedHashMap<>((Map<String, Object>) r.getAdditionalProperties().get("spec"));
                change.accept(spec);
                r.setAdditionalProperty("spec", spec);
                return r;
            });
    }

    private void awaitStalledUnreadable(String app, String field) {
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> {
            List<Condition> conditions = cluster.app(app).getStatus() == null ? List.of() : cluster.app(app).getStatus().getConditions();
            assertThat(conditions).anySatisfy(c -> {
                assertThat(c.getType() + "=" + c.getStatus() + " " + c.getReason()).isEqualTo("Stalled=True Unreadable");
                assertThat(c.getMessage()).contains(field);
            });
        });
    }

    private List<Event> eventsFor(String name) {
        return cluster.client.v1().events().inNamespace(Manifests.NAMESPACE).list().getItems().stream()
            .filter(e -> name.equals(e.getInvolvedObject().getName())).toList();
    }


    private Map<String, Object> raw(String kind, String name) {
        return cluster.client.genericKubernetesResources("slipway.dev/v1alpha1", kind).inNamespace(Manifests.NAMESPACE)
            .withName(name).get().getAdditionalProperties();
    }

    private Map<String, Object> rawStatus(String kind, String name) {
        return raw(kind, name).get("status") instanceof Map<?, ?> m ? cast(m) : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}

package dev.slipway.operations;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.rollback;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.RequestPhase;
import dev.slipway.testing.ClusterScenario;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the operator creates for an App that a GitOps tool manages carries an ownerReference to the App and
 * none of the tool's tracking labels or annotations: Argo CD shows it under the App and never counts it as
 * OutOfSync or prunes it; Flux does not garbage-collect it.
 */
class GitOpsOwnershipTest extends ClusterScenario {
    private static final Map<String, String> TRACKING_LABELS = Map.of(
        "app.kubernetes.io/instance", "shop",
        "argocd.argoproj.io/instance", "shop",
        "kustomize.toolkit.fluxcd.io/name", "shop",
        "kustomize.toolkit.fluxcd.io/namespace", "flux-system");
    private static final Map<String, String> TRACKING_ANNOTATIONS = Map.of(
        "argocd.argoproj.io/tracking-id", "shop:slipway.dev/App:shop/shop",
        "kubectl.kubernetes.io/last-applied-configuration", "{}");

    @Test
    void operatorMadeObjectsAreOwnedAndCarryNoTrackingMetadata() {
        App app = webAndWorker("shop", Map.of("LOG_LEVEL", "info"));
        app.getMetadata().setLabels(TRACKING_LABELS);
        app.getMetadata().setAnnotations(TRACKING_ANNOTATIONS);
        cluster.create(app);
        Release first = release("shop-a", "shop", "registry.example/shop/web:1");
        first.getMetadata().setLabels(TRACKING_LABELS);
        cluster.create(first);
        cluster.awaitPhase("shop-a", ReleasePhase.Active);
        cluster.update(App.class, "shop", a -> a.getSpec().getConfig().put("LOG_LEVEL", "debug"));
        cluster.awaitPhase("shop-v2", ReleasePhase.Active);
        cluster.create(rollback("undo", "shop", "v1"));
        cluster.awaitRollback("undo", RequestPhase.Succeeded);
        cluster.awaitPhase("shop-v3", ReleasePhase.Active);

        List<HasMetadata> made = new ArrayList<>();
        made.add(cluster.release("shop-v2"));
        made.add(cluster.release("shop-v3"));
        made.addAll(cluster.client.apps().deployments().inNamespace("shop").list().getItems());
        made.addAll(cluster.client.services().inNamespace("shop").list().getItems());
        String appUid = cluster.app("shop").getMetadata().getUid();
        assertThat(made).hasSize(5).allSatisfy(object -> {
            assertThat(object.getMetadata().getOwnerReferences()).as(object.getMetadata().getName())
                .anySatisfy(ref -> assertThat(ref.getUid()).isEqualTo(appUid));
            assertThat(object.getMetadata().getLabels()).as(object.getMetadata().getName())
                .doesNotContainKeys(TRACKING_LABELS.keySet().toArray(String[]::new));
            if (object.getMetadata().getAnnotations() != null) {
                assertThat(object.getMetadata().getAnnotations()).as(object.getMetadata().getName())
                    .doesNotContainKeys(TRACKING_ANNOTATIONS.keySet().toArray(String[]::new));
            }
        });
        assertThat(cluster.deployment("shop-web").getSpec().getTemplate().getMetadata().getLabels())
            .doesNotContainKeys(TRACKING_LABELS.keySet().toArray(String[]::new));
    }
}

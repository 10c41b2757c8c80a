package dev.slipway.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.Release;
import dev.slipway.release.Ownership;
import dev.slipway.testing.Manifests;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeanCacheTest {

    @Test
    void aCachedReleaseKeepsWhoManagesItAndDropsTheRest() {
        Release release = Manifests.release("shop-1", "shop", "registry.example/shop/web:1");
        release.getMetadata().setAnnotations(Map.of(LeanCache.LAST_APPLIED, "{}", "argocd.argoproj.io/tracking-id", "shop"));
        release.getMetadata().setManagedFields(List.of(entry("kubectl-client-side-apply", null), entry("slipway-operator", null),
            entry("slipway-operator", "status")));

        Release cached = LeanCache.trim(release);

        assertThat(cached.getMetadata().getManagedFields()).isNull();
        assertThat(cached.getMetadata().getAnnotations()).containsOnlyKeys("argocd.argoproj.io/tracking-id");
        assertThat(cached.getFieldManagers()).containsExactly("kubectl-client-side-apply", "slipway-operator");
        assertThat(Ownership.managedElsewhere(cached)).contains("Argo CD");
    }

    @Test
    void aCachedDeploymentKeepsItsAnnotationsBecauseItIsUpdatedWhole() {
        Deployment deployment = new DeploymentBuilder().withNewMetadata().withName("shop-web")
            .withAnnotations(Map.of(LeanCache.LAST_APPLIED, "{}")).withManagedFields(entry("kube-controller-manager", "status"))
            .endMetadata().build();

        Deployment cached = LeanCache.trim(deployment);

        assertThat(cached.getMetadata().getManagedFields()).isNull();
        assertThat(cached.getMetadata().getAnnotations()).containsKey(LeanCache.LAST_APPLIED);
    }

    private static ManagedFieldsEntry entry(String manager, String subresource) {
        return new ManagedFieldsEntryBuilder().withManager(manager).withOperation("Update").withSubresource(subresource)
            .withFieldsType("FieldsV1").withNewFieldsV1().addToAdditionalProperties("f:spec", Map.of()).endFieldsV1().build();
    }
}

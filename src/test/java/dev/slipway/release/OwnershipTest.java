package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.Release;
import dev.slipway.testing.Manifests;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnershipTest {

    @Test
    void argoCdAndFluxAreRecognisedByTheirTracking() {
        assertThat(Ownership.managedElsewhere(withAnnotations(Map.of("argocd.argoproj.io/tracking-id", "shop:slipway.dev/Release:shop/shop-1"))))
            .contains("Argo CD");
        assertThat(Ownership.managedElsewhere(withLabels(Map.of("app.kubernetes.io/instance", "shop")))).contains("Argo CD");
        assertThat(Ownership.managedElsewhere(withLabels(Map.of("kustomize.toolkit.fluxcd.io/name", "shop")))).contains("Flux");
        assertThat(Ownership.managedElsewhere(withLabels(Map.of("helm.toolkit.fluxcd.io/name", "shop")))).contains("Flux");
        assertThat(Ownership.managedElsewhere(withLabels(Map.of("app.kubernetes.io/managed-by", "Helm")))).contains("Helm");
    }

    @Test
    void anyFieldManagerButTheOperatorAndThePluginKeepsARelease() {
        assertThat(Ownership.managedElsewhere(managedBy(entry("kubectl-client-side-apply", null), entry("slipway-operator", null))))
            .contains("field manager kubectl-client-side-apply");
        assertThat(Ownership.managedElsewhere(managedBy(entry("kubectl-slipway", null), entry("slipway-operator", null),
            entry("slipway-operator", "status")))).isEmpty();
        assertThat(Ownership.managedElsewhere(managedBy(entry("kubectl-slipway", null), entry("kubectl-edit", "status"))))
            .as("a status written by someone else does not make the release theirs").isEmpty();
    }

    @Test
    void aReleaseWithoutTrackingOrManagersIsSlipways() {
        assertThat(Ownership.managedElsewhere(release())).isEmpty();
        assertThat(Ownership.managedElsewhere(withLabels(Map.of("slipway.dev/app", "shop", "slipway.dev/version", "3")))).isEmpty();
    }

    private static Release release() {
        return Manifests.release("shop-1", "shop", "registry.example/shop/web:1");
    }

    private static Release withLabels(Map<String, String> labels) {
        Release release = release();
        release.getMetadata().setLabels(labels);
        return release;
    }

    private static Release withAnnotations(Map<String, String> annotations) {
        Release release = release();
        release.getMetadata().setAnnotations(annotations);
        return release;
    }

    private static Release managedBy(ManagedFieldsEntry... entries) {
        Release release = release();
        release.getMetadata().setManagedFields(List.of(entries));
        return release;
    }

    private static ManagedFieldsEntry entry(String manager, String subresource) {
        return new ManagedFieldsEntryBuilder().withManager(manager).withOperation("Update").withSubresource(subresource).build();
    }
}

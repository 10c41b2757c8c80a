package dev.slipway.release;

import dev.slipway.model.Release;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Whether another tool keeps a release, so that pruning it would only make that tool create it again: a GitOps
 * sync (Argo CD's self-heal, Flux's interval) or a {@code kubectl apply -f releases/} puts a deleted file back.
 * Such a release is never pruned by historyLimit; the App says how many are over the limit and where to remove
 * them. Recognised: Argo CD's tracking annotation and label, Flux's kustomize and helm labels, Helm's
 * managed-by label, and any field manager other than the operator and the plugin (kubectl, a CI client).
 */
public final class Ownership {
    /** The field managers of Slipway's own writes: the User-Agents of the operator and of kubectl-slipway. */
    public static final Set<String> OWN_MANAGERS = Set.of("slipway-operator", "kubectl-slipway");

    private static final Map<String, String> LABELS = Map.of(
        "kustomize.toolkit.fluxcd.io/name", "Flux",
        "helm.toolkit.fluxcd.io/name", "Flux",
        "app.kubernetes.io/instance", "Argo CD");
    private static final String ARGO_TRACKING = "argocd.argoproj.io/tracking-id";

    private Ownership() {
    }

    /** The tool that keeps {@code release} besides Slipway, e.g. "Argo CD" or "field manager kubectl-client-side-apply". */
    public static Optional<String> managedElsewhere(Release release) {
        ObjectMeta metadata = release.getMetadata();
        Map<String, String> annotations = metadata.getAnnotations() == null ? Map.of() : metadata.getAnnotations();
        Map<String, String> labels = metadata.getLabels() == null ? Map.of() : metadata.getLabels();
        if (annotations.containsKey(ARGO_TRACKING)) {
            return Optional.of("Argo CD");
        }
        Optional<String> byLabel = LABELS.entrySet().stream().filter(e -> labels.containsKey(e.getKey()))
            .map(Map.Entry::getValue).sorted().findFirst();
        if (byLabel.isPresent()) {
            return byLabel;
        }
        if ("Helm".equals(labels.get("app.kubernetes.io/managed-by"))) {
            return Optional.of("Helm");
        }
        return managers(release).stream()
            .filter(manager -> !OWN_MANAGERS.contains(manager))
            .sorted().findFirst()
            .map(manager -> "field manager " + manager);
    }

    /**
     * Who wrote the release's fields (status writes aside): from its managedFields, or, where the informer cache
     * dropped them to save memory, from what it kept of them.
     */
    public static List<String> managers(Release release) {
        List<ManagedFieldsEntry> entries = release.getMetadata().getManagedFields();
        if (entries == null || entries.isEmpty()) {
            return release.getFieldManagers() == null ? List.of() : release.getFieldManagers();
        }
        return entries.stream()
            .filter(entry -> entry.getSubresource() == null || entry.getSubresource().isEmpty())
            .map(ManagedFieldsEntry::getManager)
            .filter(Objects::nonNull)
            .distinct()
            .toList();
    }
}

package dev.slipway.release;

import dev.slipway.model.App;
import dev.slipway.model.AppSpec;
import dev.slipway.model.Owners;
import dev.slipway.model.Release;
import dev.slipway.model.ReleaseSpec;
import dev.slipway.model.Slipway;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the operator writes to a Release before numbering it: the version and app labels, the owner
 * reference to its App, and, only where absent, config, envFrom, processes and description. Those are the only
 * writes to the spec of a Release the operator did not create. Config and envFrom come from the running release, the
 * process templates from the App's spec as it is now (DESIGN.md, "Inherited config and processes").
 */
public final class Inheritance {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Inheritance() {
    }

    /**
     * @param running the release whose config runs now, or null: then the App's config seeds the release
     */
    public static Release fill(Release release, App app, Release running, long version) {
        Release filled = SERIALIZATION.clone(release);
        Map<String, String> labels = new LinkedHashMap<>();
        if (filled.getMetadata().getLabels() != null) {
            labels.putAll(filled.getMetadata().getLabels());
        }
        labels.put(Slipway.LABEL_APP, app.getMetadata().getName());
        labels.put(Slipway.LABEL_VERSION, String.valueOf(version));
        filled.getMetadata().setLabels(labels);
        if (!Owners.isOwnedBy(filled, app)) {
            var owners = new ArrayList<>(filled.getMetadata().getOwnerReferences() == null
                ? List.<OwnerReference>of() : filled.getMetadata().getOwnerReferences());
            owners.add(Owners.ownerReference(app));
            filled.getMetadata().setOwnerReferences(owners);
        }
        ReleaseSpec spec = filled.getSpec();
        AppSpec appSpec = app.getSpec() == null ? new AppSpec() : app.getSpec();
        if (spec.getConfig() == null) {
            Map<String, String> config = running != null ? running.getSpec().getConfig() : appSpec.getConfig();
            spec.setConfig(config == null ? Map.of() : new LinkedHashMap<>(config));
        }
        if (spec.getEnvFrom() == null) {
            var envFrom = running != null ? running.getSpec().getEnvFrom() : appSpec.getEnvFrom();
            spec.setEnvFrom(envFrom == null ? List.of() : new ArrayList<>(envFrom));
        }
        if (spec.getProcesses() == null) {
            spec.setProcesses(ProcessChange.templates(appSpec.getProcesses()));
        }
        if (spec.getDescription() == null || spec.getDescription().isBlank()) {
            spec.setDescription(Descriptions.deploy(spec));
        }
        return filled;
    }
}

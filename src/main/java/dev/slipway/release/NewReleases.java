package dev.slipway.release;

import dev.slipway.model.App;
import dev.slipway.model.Cause;
import dev.slipway.model.Owners;
import dev.slipway.model.ProcessTemplate;
import dev.slipway.model.Release;
import dev.slipway.model.ReleaseSpec;
import dev.slipway.model.Slipway;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Releases the operator creates itself (rollbacks, automatic rollbacks, config and process changes), named {@code <app>-v<N>}. */
public final class NewReleases {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private NewReleases() {
    }

    public static String name(App app, long version) {
        return app.getMetadata().getName() + "-v" + version;
    }

    /**
     * @param build       the release whose image and source are copied
     * @param processes   the process templates; null for a build that has none (a release numbered before releases had
     *                    them): then the App's, as that build ran with them, so the release is whole when created
     * @param annotations what records which request made the release (exactly-once)
     */
    public static Release of(App app, long version, Release build, Map<String, String> config, List<EnvFromSource> envFrom,
                             Map<String, ProcessTemplate> processes, Cause cause, Long rollbackOf, String description,
                             Map<String, String> annotations) {
        Release release = new Release();
        release.getMetadata().setName(name(app, version));
        release.getMetadata().setNamespace(app.getMetadata().getNamespace());
        release.getMetadata().setLabels(new LinkedHashMap<>(Map.of(
            Slipway.LABEL_APP, app.getMetadata().getName(),
            Slipway.LABEL_VERSION, String.valueOf(version))));
        release.getMetadata().setAnnotations(new LinkedHashMap<>(annotations));
        release.getMetadata().setOwnerReferences(List.of(Owners.ownerReference(app)));
        ReleaseSpec spec = new ReleaseSpec();
        spec.setApp(app.getMetadata().getName());
        spec.setImage(build.getSpec().getImage());
        spec.setSource(build.getSpec().getSource() == null ? null
            : SERIALIZATION.clone(build.getSpec().getSource()));
        spec.setConfig(config == null ? Map.of() : new LinkedHashMap<>(config));
        spec.setEnvFrom(envFrom == null ? List.of() : new ArrayList<>(envFrom));
        spec.setProcesses(copy(processes != null ? processes
            : ProcessChange.templates(app.getSpec() == null ? null : app.getSpec().getProcesses())));
        spec.setCause(cause);
        spec.setRollbackOf(rollbackOf);
        spec.setDescription(description);
        release.setSpec(spec);
        return release;
    }

    private static Map<String, ProcessTemplate> copy(Map<String, ProcessTemplate> processes) {
        Map<String, ProcessTemplate> copy = new LinkedHashMap<>();
        processes.forEach((name, template) -> copy.put(name, SERIALIZATION.clone(ProcessTemplate.of(template))));
        return copy;
    }

    /**
     * A copy of {@code target}'s build, config and process templates, for Rollback, AutoRollback and Promote. Its env
     * snapshots are the target's own objects, not copies: the values that ran then, shared.
     */
    public static Release rollbackTo(App app, long version, Release target, Cause cause, String description,
                                     Map<String, String> annotations) {
        Release release = of(app, version, target, target.getSpec().getConfig(), target.getSpec().getEnvFrom(),
            target.getSpec().getProcesses(), cause, Releases.version(target), description, annotations);
        if (target.getSpec().getEnvSnapshots() != null) {
            release.getSpec().setEnvSnapshots(SERIALIZATION.clone(target.getSpec()).getEnvSnapshots());
        }
        return release;
    }
}

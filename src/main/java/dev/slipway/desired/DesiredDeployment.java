package dev.slipway.desired;

import dev.slipway.model.App;
import dev.slipway.model.AppSpec;
import dev.slipway.model.Owners;
import dev.slipway.model.PodTemplateOverrides;
import dev.slipway.model.ProcessSpec;
import dev.slipway.model.Release;
import dev.slipway.model.RolloutPolicy;
import dev.slipway.model.Slipway;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Deployment a process of an App runs as for a given release: a pure function of App and Release. Image, env and
 * the process template come from the release, replicas from the App ({@link Formation}).
 */
public final class DesiredDeployment {
    public static final String PORT_NAME = "http";

    private DesiredDeployment() {
    }

    public static Deployment of(App app, String process, Release release) {
        return of(app, process, Objects.requireNonNullElseGet(Formation.of(app, release).get(process), ProcessSpec::new), release);
    }

    /** @param processSpec the process as {@link Formation} has it for this release */
    public static Deployment of(App app, String process, ProcessSpec processSpec, Release release) {
        AppSpec spec = app.getSpec();
        PodTemplateOverrides pod = spec.getPodTemplate() == null ? new PodTemplateOverrides() : spec.getPodTemplate();
        String version = String.valueOf(release.getStatus().getVersion());
        String releaseName = release.getMetadata().getName();

        Map<String, String> podLabels = new LinkedHashMap<>();
        if (pod.getLabels() != null) {
            pod.getLabels().forEach((key, value) -> {
                if (!isReservedLabel(key)) {
                    podLabels.put(key, value);
                }
            });
        }
        podLabels.putAll(WorkloadNames.labels(app, process));
        podLabels.put(Slipway.LABEL_VERSION, version);
        Map<String, String> podAnnotations = new LinkedHashMap<>();
        if (pod.getAnnotations() != null) {
            podAnnotations.putAll(pod.getAnnotations());
        }
        podAnnotations.put(Slipway.ANNOTATION_RELEASE, releaseName);

        return new DeploymentBuilder()
            .withNewMetadata()
                .withName(WorkloadNames.objectName(app, process))
                .withNamespace(app.getMetadata().getNamespace())
                .withLabels(WorkloadNames.labels(app, process))
                .withAnnotations(Map.of(Slipway.ANNOTATION_RELEASE, releaseName, Slipway.LABEL_VERSION, version))
                .withOwnerReferences(Owners.controllerReference(app))
            .endMetadata()
            .withNewSpec()
                .withReplicas(processSpec.getReplicas())
                .withProgressDeadlineSeconds(progressDeadlineSeconds(spec))
                .withNewSelector().withMatchLabels(WorkloadNames.selector(app, process)).endSelector()
                .withNewTemplate()
                    .withNewMetadata().withLabels(podLabels).withAnnotations(podAnnotations).endMetadata()
                    .withSpec(new PodSpecBuilder()
                        .withServiceAccountName(pod.getServiceAccountName())
                        .withImagePullSecrets(pod.getImagePullSecrets())
                        .withNodeSelector(pod.getNodeSelector())
                        .withTolerations(pod.getTolerations())
                        .withSecurityContext(pod.getSecurityContext())
                        .withContainers(container(app, process, processSpec, release))
                        .build())
                .endTemplate()
            .endSpec()
            .build();
    }

    private static Container container(App app, String process, ProcessSpec processSpec, Release release) {
        ContainerBuilder container = new ContainerBuilder()
            .withName(process)
            .withImage(release.getSpec().getImage())
            .withCommand(emptyToNull(processSpec.getCommand()))
            .withArgs(emptyToNull(processSpec.getArgs()))
            .withEnv(ReleaseEnv.of(app.getMetadata().getName(), process, release))
            .withEnvFrom(emptyToNull(SnapshotEnvFrom.of(release)))
            .withResources(processSpec.getResources())
            .withReadinessProbe(processSpec.getReadinessProbe())
            .withLivenessProbe(processSpec.getLivenessProbe());
        if (processSpec.getPort() != null) {
            container.withPorts(new ContainerPortBuilder()
                .withName(PORT_NAME).withContainerPort(processSpec.getPort()).withProtocol("TCP").build());
        }
        return container.build();
    }

    private static int progressDeadlineSeconds(AppSpec spec) {
        RolloutPolicy rollout = spec.getRollout();
        return rollout == null || rollout.getProgressDeadlineSeconds() == null
            ? RolloutPolicy.DEFAULT_PROGRESS_DEADLINE_SECONDS
            : rollout.getProgressDeadlineSeconds();
    }

    private static boolean isReservedLabel(String key) {
        return key.startsWith(Slipway.GROUP + "/") || key.startsWith("app.kubernetes.io/");
    }

    private static <T> List<T> emptyToNull(List<T> list) {
        return list == null || list.isEmpty() ? null : list;
    }
}

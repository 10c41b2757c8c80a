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
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import java.util.ArrayList;
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

        // Set field by field: Fabric8's builders copy each nested object they are given, and copied the pod spec thrice.
        ObjectMeta metadata = new ObjectMeta();
        metadata.setName(WorkloadNames.objectName(app, process));
        metadata.setNamespace(app.getMetadata().getNamespace());
        metadata.setLabels(WorkloadNames.labels(app, process));
        metadata.setAnnotations(new LinkedHashMap<>(Map.of(Slipway.ANNOTATION_RELEASE, releaseName, Slipway.LABEL_VERSION, version)));
        metadata.setOwnerReferences(new ArrayList<>(List.of(Owners.controllerReference(app))));

        PodSpec podSpec = new PodSpec();
        podSpec.setServiceAccountName(pod.getServiceAccountName());
        podSpec.setImagePullSecrets(pod.getImagePullSecrets());
        podSpec.setNodeSelector(pod.getNodeSelector());
        podSpec.setTolerations(pod.getTolerations());
        podSpec.setSecurityContext(pod.getSecurityContext());
        podSpec.setContainers(new ArrayList<>(List.of(container(app, process, processSpec, release))));
        ObjectMeta podMetadata = new ObjectMeta();
        podMetadata.setLabels(podLabels);
        podMetadata.setAnnotations(podAnnotations);

        DeploymentSpec deploymentSpec = new DeploymentSpec();
        deploymentSpec.setReplicas(processSpec.getReplicas());
        deploymentSpec.setProgressDeadlineSeconds(progressDeadlineSeconds(spec));
        LabelSelector selector = new LabelSelector();
        selector.setMatchLabels(WorkloadNames.selector(app, process));
        deploymentSpec.setSelector(selector);
        deploymentSpec.setTemplate(new PodTemplateSpec(podMetadata, podSpec));

        Deployment deployment = new Deployment();
        deployment.setMetadata(metadata);
        deployment.setSpec(deploymentSpec);
        return deployment;
    }

    private static Container container(App app, String process, ProcessSpec processSpec, Release release) {
        Container container = new Container();
        container.setName(process);
        container.setImage(release.getSpec().getImage());
        container.setCommand(emptyToNull(processSpec.getCommand()));
        container.setArgs(emptyToNull(processSpec.getArgs()));
        container.setEnv(ReleaseEnv.of(app.getMetadata().getName(), process, release));
        container.setEnvFrom(emptyToNull(SnapshotEnvFrom.of(release)));
        container.setResources(processSpec.getResources());
        container.setReadinessProbe(processSpec.getReadinessProbe());
        container.setLivenessProbe(processSpec.getLivenessProbe());
        if (processSpec.getPort() != null) {
            ContainerPort port = new ContainerPort();
            port.setName(PORT_NAME);
            port.setContainerPort(processSpec.getPort());
            port.setProtocol("TCP");
            container.setPorts(new ArrayList<>(List.of(port)));
        }
        return container;
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

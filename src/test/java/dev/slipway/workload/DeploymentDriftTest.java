package dev.slipway.workload;

import static dev.slipway.desired.DesiredDeploymentTest.app;
import static dev.slipway.desired.DesiredDeploymentTest.process;
import static dev.slipway.desired.DesiredDeploymentTest.release;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.desired.DesiredDeployment;
import dev.slipway.model.App;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DeploymentDriftTest {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private static App webApp(Integer replicas) {
        App app = app("myapp", Map.of("web", process(replicas, 5000, "bin/web")));
        var web = app.getSpec().getProcesses().get("web");
        web.setReadinessProbe(new ProbeBuilder().withNewHttpGet().withPath("/health").endHttpGet().build());
        web.setResources(new ResourceRequirementsBuilder()
            .withRequests(Map.of("cpu", new Quantity("500m"), "memory", new Quantity("1Gi"))).build());
        return app;
    }

    private static Deployment desired(Integer replicas) {
        return DesiredDeployment.of(webApp(replicas), "web", release("myapp-v7", 7, "registry.example/shop/web:1"));
    }

    /** The desired object as the API server returns it: defaults filled in, quantities canonicalised. */
    private static Deployment asStored(Deployment desired) {
        Deployment d = SERIALIZATION.clone(desired);
        d.getMetadata().setAnnotations(new HashMap<>(d.getMetadata().getAnnotations()));
        d.getMetadata().getAnnotations().put("deployment.kubernetes.io/revision", "3");
        d.getSpec().setRevisionHistoryLimit(10);
        d.getSpec().getTemplate().getSpec().setServiceAccountName("default");
        d.getSpec().getTemplate().getSpec().setDnsPolicy("ClusterFirst");
        d.getSpec().getTemplate().getSpec().setRestartPolicy("Always");
        Container c = container(d);
        c.setTerminationMessagePath("/dev/termination-log");
        c.setImagePullPolicy("IfNotPresent");
        c.getReadinessProbe().setTimeoutSeconds(1);
        c.getReadinessProbe().setPeriodSeconds(10);
        c.getReadinessProbe().getHttpGet().setScheme("HTTP");
        c.getResources().setRequests(Map.of("cpu", new Quantity("0.5"), "memory", new Quantity("1024Mi")));
        return d;
    }

    private static Deployment edited(Deployment base, Consumer<Deployment> edit) {
        Deployment d = asStored(base);
        edit.accept(d);
        return d;
    }

    private static Container container(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    @Test
    void serverDefaultsAndCanonicalQuantitiesAreNoDrift() {
        Deployment desired = desired(2);
        assertThat(DeploymentDrift.drifted(desired, asStored(desired))).isFalse();
    }

    @Test
    void containerPortProtocolFilledByServerIsNoDrift() {
        Deployment desired = desired(2);
        Deployment actual = asStored(desired);
        container(actual).getPorts().get(0).setProtocol("TCP");
        assertThat(DeploymentDrift.drifted(desired, actual)).isFalse();
    }

    @Test
    void annotationsAddedByOthersAreNoDrift() {
        Deployment desired = desired(2);
        assertThat(DeploymentDrift.drifted(desired, edited(desired,
            d -> d.getMetadata().getAnnotations().put("team.example/owner", "payments")))).isFalse();
    }

    /**
     * Keys others choose are theirs, whatever they are called: a label or annotation named like a container field the
     * operator owns ("env", "args") is not that field. It was once taken for it, and correcting kept it, so every
     * pass wrote the Deployment again.
     */
    @Test
    void labelsAndAnnotationsOthersAddAreNoDriftWhateverTheirName() {
        Deployment desired = desired(2);
        Deployment labelled = edited(desired, d -> {
            d.getMetadata().setLabels(new HashMap<>(d.getMetadata().getLabels()));
            d.getMetadata().getLabels().put("env", "prod");
            d.getMetadata().getAnnotations().put("args", "kept by another tool");
            d.getSpec().getTemplate().getMetadata().setAnnotations(new HashMap<>(d.getSpec().getTemplate().getMetadata().getAnnotations()));
            d.getSpec().getTemplate().getMetadata().getAnnotations().put("env", "prod");
        });

        assertThat(DeploymentDrift.drifted(desired, labelled)).isFalse();
        assertThat(DeploymentDrift.drifted(desired, DeploymentDrift.corrected(desired, edited(desired,
            d -> d.getMetadata().setLabels(Map.of("env", "prod")))))).as("once corrected, the foreign label stays and is no drift").isFalse();
    }

    @Test
    void aChangedOrMissingLabelOfTheOperatorIsDrift() {
        Deployment desired = desired(2);
        String key = desired.getMetadata().getLabels().keySet().iterator().next();

        assertThat(DeploymentDrift.drifted(desired, edited(desired, d -> {
            d.getMetadata().setLabels(new HashMap<>(d.getMetadata().getLabels()));
            d.getMetadata().getLabels().put(key, "someone-else");
        }))).isTrue();
        assertThat(DeploymentDrift.drifted(desired, edited(desired, d -> {
            d.getMetadata().setLabels(new HashMap<>(d.getMetadata().getLabels()));
            d.getMetadata().getLabels().remove(key);
        }))).isTrue();
    }

    @Test
    void handEditedImageIsDrift() {
        Deployment desired = desired(2);
        assertThat(DeploymentDrift.drifted(desired, edited(desired, d -> container(d).setImage("evil/image:latest")))).isTrue();
    }

    @Test
    void changedEnvValueIsDrift() {
        Deployment desired = desired(2);
        assertThat(DeploymentDrift.drifted(desired, edited(desired, d -> container(d).getEnv().get(0).setValue("debug")))).isTrue();
    }

    @Test
    void extraEnvVarIsDrift() {
        Deployment desired = desired(2);
        assertThat(DeploymentDrift.drifted(desired, edited(desired,
            d -> container(d).getEnv().add(new EnvVar("EXTRA", "1", null))))).isTrue();
    }

    @Test
    void commandRemovedFromTheAppIsDrift() {
        Deployment withCommand = desired(2);
        App app = webApp(2);
        app.getSpec().getProcesses().get("web").setCommand(null);
        Deployment withoutCommand = DesiredDeployment.of(app, "web", release("myapp-v7", 7, "registry.example/shop/web:1"));
        assertThat(DeploymentDrift.drifted(withoutCommand, asStored(withCommand))).isTrue();
    }

    @Test
    void extraPodTemplateLabelIsDrift() {
        Deployment desired = desired(2);
        assertThat(DeploymentDrift.drifted(desired, edited(desired, d -> {
            d.getSpec().getTemplate().getMetadata().setLabels(new HashMap<>(d.getSpec().getTemplate().getMetadata().getLabels()));
            d.getSpec().getTemplate().getMetadata().getLabels().put("extra", "x");
        }))).isTrue();
    }

    @Test
    void oldReleaseVersionLabelIsDrift() {
        Deployment desired = desired(2);
        Deployment older = DesiredDeployment.of(webApp(2), "web", release("myapp-v7", 6, "registry.example/shop/web:1"));
        assertThat(DeploymentDrift.drifted(desired, asStored(older))).isTrue();
    }

    @Test
    void differentReplicasAreDriftWhenTheAppSetsThem() {
        Deployment desired = desired(2);
        assertThat(DeploymentDrift.drifted(desired, edited(desired, d -> d.getSpec().setReplicas(5)))).isTrue();
    }

    @Test
    void replicasAreNoDriftWhenTheAppDoesNotSetThem() {
        Deployment desired = desired(null);
        assertThat(DeploymentDrift.drifted(desired, edited(desired, d -> d.getSpec().setReplicas(5)))).isFalse();
    }

    @Test
    void differentCpuRequestIsDrift() {
        Deployment desired = desired(2);
        assertThat(DeploymentDrift.drifted(desired, edited(desired, d -> container(d).getResources()
            .setRequests(Map.of("cpu", new Quantity("1"), "memory", new Quantity("1Gi")))))).isTrue();
    }

    @Test
    void correctedPutsBackTheImage() {
        Deployment desired = desired(2);
        Deployment fixed = DeploymentDrift.corrected(desired, edited(desired, d -> container(d).setImage("evil/image:latest")));
        assertThat(container(fixed).getImage()).isEqualTo("registry.example/shop/web:1");
        assertThat(DeploymentDrift.drifted(desired, fixed)).isFalse();
    }

    @Test
    void correctedKeepsForeignAnnotations() {
        Deployment desired = desired(2);
        Deployment fixed = DeploymentDrift.corrected(desired, edited(desired,
            d -> d.getMetadata().getAnnotations().put("team.example/owner", "payments")));
        assertThat(fixed.getMetadata().getAnnotations())
            .containsEntry("team.example/owner", "payments")
            .containsEntry("slipway.dev/release", "myapp-v7");
    }

    @Test
    void correctedKeepsReplicasWhenTheAppDoesNotSetThem() {
        Deployment desired = desired(null);
        Deployment fixed = DeploymentDrift.corrected(desired, edited(desired, d -> d.getSpec().setReplicas(7)));
        assertThat(fixed.getSpec().getReplicas()).isEqualTo(7);
    }

    @Test
    void correctedSetsReplicasWhenTheAppSetsThem() {
        Deployment desired = desired(2);
        Deployment fixed = DeploymentDrift.corrected(desired, edited(desired, d -> d.getSpec().setReplicas(7)));
        assertThat(fixed.getSpec().getReplicas()).isEqualTo(2);
    }

    @Test
    void correctedDoesNotModifyTheActualObject() {
        Deployment desired = desired(2);
        Deployment actual = edited(desired, d -> container(d).setImage("evil/image:latest"));
        DeploymentDrift.corrected(desired, actual);
        assertThat(container(actual).getImage()).isEqualTo("evil/image:latest");
    }

    @Test
    void correctedKeepsTheServerFilledServiceAccountWhenTheAppSetsNone() {
        Deployment desired = desired(2);
        Deployment fixed = DeploymentDrift.corrected(desired, asStored(desired));
        assertThat(fixed.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("default");
    }
}

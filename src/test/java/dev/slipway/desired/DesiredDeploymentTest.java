package dev.slipway.desired;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.App;
import dev.slipway.model.AppSpec;
import dev.slipway.model.PodTemplateOverrides;
import dev.slipway.model.ProcessSpec;
import dev.slipway.model.Release;
import dev.slipway.model.ReleaseSpec;
import dev.slipway.model.ReleaseStatus;
import dev.slipway.model.RolloutPolicy;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class DesiredDeploymentTest {

    public static App app(String name, Map<String, ProcessSpec> processes) {
        App app = new App();
        app.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("shop").withUid("uid-" + name).build());
        AppSpec spec = new AppSpec();
        spec.setProcesses(new LinkedHashMap<>(processes));
        app.setSpec(spec);
        return app;
    }

    public static ProcessSpec process(Integer replicas, Integer port, String... command) {
        ProcessSpec p = new ProcessSpec();
        p.setReplicas(replicas);
        p.setPort(port);
        p.setCommand(command.length == 0 ? null : List.of(command));
        return p;
    }

    public static Release release(String name, long version, String image) {
        Release release = new Release();
        release.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("shop").build());
        ReleaseSpec spec = new ReleaseSpec();
        spec.setApp("myapp");
        spec.setImage(image);
        spec.setConfig(Map.of("LOG_LEVEL", "info"));
        release.setSpec(spec);
        ReleaseStatus status = new ReleaseStatus();
        status.setVersion(version);
        release.setStatus(status);
        return release;
    }

    private static App web() {
        return app("myapp", Map.of("web", process(2, 5000, "bin/web")));
    }

    private static Deployment build(App app) {
        return DesiredDeployment.of(app, "web", release("myapp-v7", 7, "registry.example/shop/web:1"));
    }

    private static Container container(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    @Test
    void isNamedAppDashProcessInTheAppNamespace() {
        Deployment d = build(web());
        assertThat(d.getMetadata().getName()).isEqualTo("myapp-web");
        assertThat(d.getMetadata().getNamespace()).isEqualTo("shop");
    }

    @Test
    void carriesTheContractLabels() {
        assertThat(build(web()).getMetadata().getLabels()).containsExactlyInAnyOrderEntriesOf(Map.of(
            "app.kubernetes.io/name", "myapp",
            "app.kubernetes.io/component", "web",
            "app.kubernetes.io/managed-by", "slipway",
            "slipway.dev/app", "myapp",
            "slipway.dev/process", "web"));
    }

    @Test
    void selectsPodsByAppAndProcessOnly() {
        assertThat(build(web()).getSpec().getSelector().getMatchLabels())
            .containsExactlyInAnyOrderEntriesOf(Map.of("slipway.dev/app", "myapp", "slipway.dev/process", "web"));
    }

    @Test
    void isControlledByTheApp() {
        OwnerReference owner = build(web()).getMetadata().getOwnerReferences().get(0);
        assertThat(owner.getController()).isTrue();
        assertThat(owner.getKind()).isEqualTo("App");
        assertThat(owner.getApiVersion()).isEqualTo("slipway.dev/v1alpha1");
        assertThat(owner.getName()).isEqualTo("myapp");
        assertThat(owner.getUid()).isEqualTo("uid-myapp");
    }

    @Test
    void podTemplateCarriesTheReleaseVersionLabel() {
        assertThat(build(web()).getSpec().getTemplate().getMetadata().getLabels())
            .containsEntry("slipway.dev/version", "7")
            .containsEntry("slipway.dev/app", "myapp")
            .containsEntry("slipway.dev/process", "web");
    }

    @Test
    void containerRunsTheReleaseImageWithTheProcessCommandAndArgs() {
        App app = web();
        app.getSpec().getProcesses().get("web").setArgs(List.of("--port", "5000"));
        Container c = container(build(app));
        assertThat(c.getName()).isEqualTo("web");
        assertThat(c.getImage()).isEqualTo("registry.example/shop/web:1");
        assertThat(c.getCommand()).containsExactly("bin/web");
        assertThat(c.getArgs()).containsExactly("--port", "5000");
    }

    @Test
    void emptyCommandLeavesTheImageEntrypoint() {
        App app = app("myapp", Map.of("web", process(1, null)));
        app.getSpec().getProcesses().get("web").setCommand(List.of());
        assertThat(container(build(app)).getCommand()).isNullOrEmpty();
    }

    @Test
    void containerEnvIsTheReleaseEnv() {
        assertThat(container(build(web())).getEnv()).extracting("name")
            .containsExactly("LOG_LEVEL", "SLIPWAY_APP", "SLIPWAY_PROCESS", "SLIPWAY_RELEASE_VERSION", "SLIPWAY_RELEASE_NAME");
    }

    @Test
    void replicasAreNullWhenTheProcessDoesNotSetThem() {
        assertThat(build(app("myapp", Map.of("web", process(null, null)))).getSpec().getReplicas()).isNull();
    }

    @Test
    void replicasComeFromTheProcess() {
        assertThat(build(web()).getSpec().getReplicas()).isEqualTo(2);
    }

    @Test
    void reservedPodTemplateLabelsAreIgnoredAndOthersKept() {
        App app = web();
        PodTemplateOverrides pod = new PodTemplateOverrides();
        pod.setLabels(Map.of("team", "payments", "slipway.dev/version", "99",
            "app.kubernetes.io/instance", "argo", "app.kubernetes.io/name", "other"));
        app.getSpec().setPodTemplate(pod);
        Map<String, String> labels = build(app).getSpec().getTemplate().getMetadata().getLabels();
        assertThat(labels).containsEntry("team", "payments")
            .containsEntry("slipway.dev/version", "7")
            .containsEntry("app.kubernetes.io/name", "myapp")
            .doesNotContainKey("app.kubernetes.io/instance");
    }

    @Test
    void portBecomesANamedTcpContainerPort() {
        var port = container(build(web())).getPorts().get(0);
        assertThat(port.getContainerPort()).isEqualTo(5000);
        assertThat(port.getName()).isEqualTo("http");
        assertThat(port.getProtocol()).isEqualTo("TCP");
    }

    @Test
    void noPortMeansNoContainerPort() {
        assertThat(container(build(app("myapp", Map.of("web", process(1, null))))).getPorts()).isNullOrEmpty();
    }

    @Test
    void progressDeadlineDefaultsTo600Seconds() {
        assertThat(build(web()).getSpec().getProgressDeadlineSeconds()).isEqualTo(600);
    }

    @Test
    void progressDeadlineComesFromTheRolloutPolicy() {
        App app = web();
        RolloutPolicy rollout = new RolloutPolicy();
        rollout.setProgressDeadlineSeconds(120);
        app.getSpec().setRollout(rollout);
        assertThat(build(app).getSpec().getProgressDeadlineSeconds()).isEqualTo(120);
    }

    @Test
    void podTemplateSettingsAreCopied() {
        App app = web();
        PodTemplateOverrides pod = new PodTemplateOverrides();
        pod.setServiceAccountName("web-sa");
        pod.setNodeSelector(Map.of("pool", "fast"));
        pod.setAnnotations(Map.of("team.example/owner", "payments"));
        app.getSpec().setPodTemplate(pod);
        Deployment d = build(app);
        assertThat(d.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("web-sa");
        assertThat(d.getSpec().getTemplate().getSpec().getNodeSelector()).containsEntry("pool", "fast");
        assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations())
            .containsEntry("team.example/owner", "payments")
            .containsEntry("slipway.dev/release", "myapp-v7");
    }
}

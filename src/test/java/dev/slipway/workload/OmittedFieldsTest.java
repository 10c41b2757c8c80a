package dev.slipway.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.slipway.desired.DesiredDeployment;
import dev.slipway.model.App;
import dev.slipway.model.AppSpec;
import dev.slipway.model.ProcessSpec;
import dev.slipway.model.Release;
import dev.slipway.model.ReleaseSpec;
import dev.slipway.model.ReleaseStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the API server leaves out of an object it returns, and input a schema-less server lets through. */
class OmittedFieldsTest {
    private static final KubernetesSerialization S = new KubernetesSerialization();

    static App app(Map<String, ProcessSpec> processes) {
        App app = new App();
        app.setMetadata(new ObjectMetaBuilder().withName("myapp").withNamespace("shop").withUid("u").build());
        AppSpec spec = new AppSpec();
        spec.setProcesses(processes);
        app.setSpec(spec);
        return app;
    }

    static Release release(Map<String, String> config) {
        Release r = new Release();
        r.setMetadata(new ObjectMetaBuilder().withName("myapp-v7").build());
        ReleaseSpec spec = new ReleaseSpec();
        spec.setApp("myapp");
        spec.setImage("nginx");
        spec.setConfig(config);
        r.setSpec(spec);
        ReleaseStatus st = new ReleaseStatus();
        st.setVersion(7L);
        r.setStatus(st);
        return r;
    }

    @Test
    void emptyConfigValueOmittedByTheApiServerIsNoDrift() {
        Deployment desired = DesiredDeployment.of(app(Map.of("web", new ProcessSpec())), "web", release(Map.of("EMPTY", "")));
        Deployment actual = S.clone(desired);
        // Go's EnvVar.Value is `json:"value,omitempty"`: the server returns {"name":"EMPTY"} without value.
        actual.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().get(0).setValue(null);
        assertThat(DeploymentDrift.drifted(desired, actual)).isFalse();
    }

    @Test
    void zeroInitialDelayOmittedByTheApiServerIsNoDrift() {
        ProcessSpec web = new ProcessSpec();
        web.setReadinessProbe(new ProbeBuilder().withInitialDelaySeconds(0).withNewHttpGet().withPath("/").endHttpGet().build());
        Deployment desired = DesiredDeployment.of(app(Map.of("web", web)), "web", release(Map.of()));
        Deployment actual = S.clone(desired);
        // Probe.InitialDelaySeconds is `int32 json:",omitempty"`: 0 is not returned by the server.
        actual.getSpec().getTemplate().getSpec().getContainers().get(0).getReadinessProbe().setInitialDelaySeconds(null);
        assertThat(DeploymentDrift.drifted(desired, actual)).isFalse();
    }

    @Test
    void processWithNullSpecDoesNotCrashDesiredDeployment() {
        Map<String, ProcessSpec> processes = new HashMap<>();
        processes.put("worker", null);
        assertThatCode(() -> DesiredDeployment.of(app(processes), "worker", release(Map.of()))).doesNotThrowAnyException();
    }
}

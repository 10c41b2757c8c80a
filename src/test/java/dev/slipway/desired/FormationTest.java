package dev.slipway.desired;

import static dev.slipway.desired.DesiredDeploymentTest.app;
import static dev.slipway.desired.DesiredDeploymentTest.process;
import static dev.slipway.desired.DesiredDeploymentTest.release;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.App;
import dev.slipway.model.ProcessSpec;
import dev.slipway.model.ProcessTemplate;
import dev.slipway.model.Release;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormationTest {
    private final App app = app("myapp", Map.of("web", process(3, 5000, "bin/web"), "worker", process(2, null, "bin/worker")));

    @Test
    void theReleasesTemplatesRunWithTheAppsReplicas() {
        Release release = withTemplates(Map.of("web", template(8080, "bin/server")));

        Map<String, ProcessSpec> formation = Formation.of(app, release);

        assertThat(formation).containsOnlyKeys("web");
        assertThat(formation.get("web").getCommand()).containsExactly("bin/server");
        assertThat(formation.get("web").getPort()).isEqualTo(8080);
        assertThat(formation.get("web").getReplicas()).isEqualTo(3);
    }

    @Test
    void aProcessTheAppDoesNotScaleGetsHerokusDefaults() {
        Release release = withTemplates(Map.of("web", template(5000, "bin/web"), "clock", template(null, "bin/clock")));

        Map<String, ProcessSpec> formation = Formation.of(app("myapp", Map.of()), release);

        assertThat(formation.get("web").getReplicas()).isEqualTo(1);
        assertThat(formation.get("clock").getReplicas()).isZero();
    }

    @Test
    void anAppProcessWithoutReplicasLeavesThemAlone() {
        App unscaled = app("myapp", Map.of("worker", process(null, null, "bin/worker")));

        assertThat(Formation.of(unscaled, withTemplates(Map.of("worker", template(null, "bin/worker")))).get("worker").getReplicas()).isNull();
    }

    @Test
    void aReleaseWithoutTemplatesRunsTheAppsProcesses() {
        Release old = release("myapp-v1", 1, "registry.example/myapp:1");

        Map<String, ProcessSpec> formation = Formation.of(app, old);

        assertThat(formation).containsOnlyKeys("web", "worker");
        assertThat(formation.get("worker").getCommand()).containsExactly("bin/worker");
        assertThat(formation.get("worker").getReplicas()).isEqualTo(2);
    }

    @Test
    void theDeploymentTakesTheTemplateFromTheRelease() {
        Deployment deployment = DesiredDeployment.of(app, "web", withTemplates(Map.of("web", template(8080, "bin/server"))));

        var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getCommand()).containsExactly("bin/server");
        assertThat(container.getPorts()).singleElement().satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(8080));
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
    }

    private static Release withTemplates(Map<String, ProcessTemplate> templates) {
        Release release = release("myapp-v2", 2, "registry.example/myapp:2");
        release.getSpec().setProcesses(new LinkedHashMap<>(templates));
        return release;
    }

    private static ProcessTemplate template(Integer port, String command) {
        return ProcessTemplate.of(process(99, port, command));
    }
}

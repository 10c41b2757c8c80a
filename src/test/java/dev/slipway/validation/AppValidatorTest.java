package dev.slipway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.App;
import dev.slipway.model.AppSpec;
import dev.slipway.model.ProcessSpec;
import dev.slipway.model.RolloutPolicy;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppValidatorTest {

    private static App app(String name) {
        App app = new App();
        app.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("shop").build());
        AppSpec spec = new AppSpec();
        spec.setProcesses(new LinkedHashMap<>(Map.of("web", process(2, 5000))));
        spec.setConfig(Map.of("LOG_LEVEL", "info"));
        app.setSpec(spec);
        return app;
    }

    private static ProcessSpec process(Integer replicas, Integer port) {
        ProcessSpec p = new ProcessSpec();
        p.setReplicas(replicas);
        p.setPort(port);
        return p;
    }

    private static App withProcess(String name, ProcessSpec process) {
        App app = app("myapp");
        app.getSpec().getProcesses().put(name, process);
        return app;
    }

    @Test
    void validAppHasNoProblems() {
        assertThat(AppValidator.problems(app("myapp"))).isEmpty();
    }

    @Test
    void appWithoutSpecIsAProblemThatSaysWhatToWrite() {
        App app = app("myapp");
        app.setSpec(null);
        assertThat(AppValidator.problems(app)).singleElement().asString()
            .startsWith("spec is missing: an App needs at least spec.processes");
    }

    @Test
    void processNameThatIsNotADnsLabelIsAProblem() {
        assertThat(AppValidator.problems(withProcess("Web_1", process(1, null)))).containsExactly(
            "process name 'Web_1' is not a DNS label: use lower case letters, digits and '-', starting with a letter");
    }

    @Test
    void deploymentNameLongerThan63CharactersIsAProblem() {
        assertThat(AppValidator.problems(withProcess("p".repeat(58), process(1, null)))).singleElement()
            .asString().startsWith("'myapp-ppp").contains("is longer than 63 characters").contains("shorten");
    }

    @Test
    void deploymentNameOfExactly63CharactersIsFine() {
        assertThat(AppValidator.problems(withProcess("p".repeat(57), process(1, null)))).isEmpty();
    }

    @Test
    void appNameLongerThan63CharactersIsAProblem() {
        App app = app("a".repeat(64));
        app.getSpec().setProcesses(null);
        assertThat(AppValidator.problems(app)).singleElement().asString()
            .isEqualTo("App name '" + "a".repeat(64) + "' is longer than 63 characters; it is used as a label value");
    }

    @Test
    void negativeReplicasAreAProblem() {
        assertThat(AppValidator.problems(withProcess("worker", process(-1, null))))
            .containsExactly("spec.processes.worker.replicas is -1; it must be 0 or more");
    }

    @Test
    void portOutOfRangeIsAProblem() {
        assertThat(AppValidator.problems(withProcess("web", process(1, 70000))))
            .containsExactly("spec.processes.web.port is 70000; it must be between 1 and 65535");
    }

    @Test
    void negativeHistoryLimitIsAProblem() {
        App app = app("myapp");
        app.getSpec().setHistoryLimit(-2);
        assertThat(AppValidator.problems(app)).containsExactly("spec.historyLimit is -2; it must be 0 or more");
    }

    @Test
    void progressDeadlineBelowTenSecondsIsAProblem() {
        App app = app("myapp");
        RolloutPolicy rollout = new RolloutPolicy();
        rollout.setProgressDeadlineSeconds(5);
        app.getSpec().setRollout(rollout);
        assertThat(AppValidator.problems(app)).containsExactly("spec.rollout.progressDeadlineSeconds is 5; it must be at least 10");
    }

    @Test
    void reservedConfigVarNameIsAProblem() {
        App app = app("myapp");
        app.getSpec().setConfig(Map.of("SLIPWAY_APP", "x"));
        assertThat(AppValidator.problems(app)).singleElement().asString()
            .startsWith("spec.config: 'SLIPWAY_APP': ").contains("reserved");
    }

    @Test
    void configVarNameStartingWithADigitIsAProblem() {
        App app = app("myapp");
        app.getSpec().setConfig(Map.of("1PASSWORD", "x"));
        assertThat(AppValidator.problems(app)).singleElement().asString()
            .startsWith("spec.config: '1PASSWORD' is not a valid name");
    }

    @Test
    void configVarWithoutValueIsAProblem() {
        App app = app("myapp");
        Map<String, String> config = new HashMap<>();
        config.put("EMPTY", null);
        app.getSpec().setConfig(config);
        assertThat(AppValidator.problems(app)).singleElement().asString().contains("'EMPTY' has no value");
    }

    @Test
    void envFromWithoutReferenceIsAProblem() {
        App app = app("myapp");
        app.getSpec().setEnvFrom(List.of(new EnvFromSource()));
        assertThat(AppValidator.problems(app)).containsExactly("spec.envFrom[0] names neither a secretRef nor a configMapRef");
    }

    @Test
    void everyProblemIsReported() {
        App app = withProcess("worker", process(-1, 0));
        app.getSpec().setHistoryLimit(-1);
        assertThat(AppValidator.problems(app)).hasSize(3);
    }
}

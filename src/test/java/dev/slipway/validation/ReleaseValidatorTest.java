package dev.slipway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.ProcessTemplate;
import dev.slipway.model.Release;
import dev.slipway.model.ReleaseSpec;
import dev.slipway.model.ReleaseStatus;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseValidatorTest {

    private static Release release(String app, String image) {
        Release release = new Release();
        release.setMetadata(new ObjectMetaBuilder().withName("myapp-v1").withNamespace("shop").withGeneration(1L).build());
        ReleaseSpec spec = new ReleaseSpec();
        spec.setApp(app);
        spec.setImage(image);
        release.setSpec(spec);
        return release;
    }

    private static Release numbered(long numberedAt, long generation) {
        Release release = release("myapp", "nginx");
        release.getMetadata().setGeneration(generation);
        ReleaseStatus status = new ReleaseStatus();
        status.setNumberedGeneration(numberedAt);
        release.setStatus(status);
        return release;
    }

    @Test
    void validReleaseHasNoProblems() {
        assertThat(ReleaseValidator.problems(release("myapp", "registry.example/shop/web:1.4.2"))).isEmpty();
    }

    @Test
    void processTemplatesNeedNamesThatFitAServiceAndValidPorts() {
        Release release = release("myapp", "nginx");
        ProcessTemplate web = new ProcessTemplate();
        web.setPort(70000);
        release.getSpec().setProcesses(Map.of("Web_1", new ProcessTemplate(), "web", web, "w".repeat(60), new ProcessTemplate()));

        assertThat(ReleaseValidator.problems(release)).containsExactlyInAnyOrder(
            "process name 'Web_1' is not a DNS label: use lower case letters, digits and '-', starting with a letter",
            "spec.processes.web.port is 70000; it must be between 1 and 65535",
            "'myapp-" + "w".repeat(60) + "' is longer than 63 characters (it names a Deployment and a Service): shorten the App or the process name");
    }

    @Test
    void missingSpecIsAProblem() {
        Release release = release("myapp", "nginx");
        release.setSpec(null);
        assertThat(ReleaseValidator.problems(release)).containsExactly("spec is missing: a Release needs spec.app and spec.image");
    }

    @Test
    void missingAppIsAProblem() {
        assertThat(ReleaseValidator.problems(release(" ", "nginx")))
            .containsExactly("spec.app is missing: name the App this release belongs to");
    }

    @Test
    void appThatIsNotADnsLabelIsAProblem() {
        assertThat(ReleaseValidator.problems(release("My_App", "nginx")))
            .containsExactly("spec.app 'My_App' is not a valid App name (a DNS label of at most 63 characters)");
    }

    @Test
    void appLongerThan63CharactersIsAProblem() {
        assertThat(ReleaseValidator.problems(release("a".repeat(64), "nginx"))).singleElement().asString()
            .contains("is not a valid App name");
    }

    @Test
    void missingImageIsAProblem() {
        assertThat(ReleaseValidator.problems(release("myapp", null))).singleElement().asString()
            .startsWith("spec.image is missing: set the image to deploy");
    }

    @Test
    void invalidImageIsAProblemThatShowsTheExpectedForm() {
        assertThat(ReleaseValidator.problems(release("myapp", "Shop/Web:1"))).singleElement().asString()
            .startsWith("spec.image 'Shop/Web:1' is not a valid image reference;")
            .contains("[registry/]repository[:tag][@sha256:digest]");
    }

    @Test
    void reservedConfigVarIsAProblem() {
        Release release = release("myapp", "nginx");
        release.getSpec().setConfig(Map.of("SLIPWAY_RELEASE_NAME", "x"));
        assertThat(ReleaseValidator.problems(release)).singleElement().asString()
            .startsWith("spec.config: 'SLIPWAY_RELEASE_NAME': ");
    }

    @Test
    void oversizedConfigIsAProblem() {
        Release release = release("myapp", "nginx");
        release.getSpec().setConfig(Map.of("BIG", "x".repeat(129 * 1024)));
        assertThat(ReleaseValidator.problems(release)).singleElement().asString()
            .startsWith("spec.config is 129 KiB; at most 128 KiB are allowed");
    }

    @Test
    void envFromWithASecretRefIsFine() {
        Release release = release("myapp", "nginx");
        release.getSpec().setEnvFrom(List.of(new EnvFromSourceBuilder().withNewSecretRef("db", false).build()));
        assertThat(ReleaseValidator.problems(release)).isEmpty();
    }

    @Test
    void specChangedAfterNumberingIsDetected() {
        assertThat(ReleaseValidator.changedAfterNumbering(numbered(1, 2))).isTrue();
    }

    @Test
    void unchangedNumberedReleaseIsNotChanged() {
        assertThat(ReleaseValidator.changedAfterNumbering(numbered(2, 2))).isFalse();
    }

    @Test
    void unnumberedReleaseIsNotChanged() {
        assertThat(ReleaseValidator.changedAfterNumbering(release("myapp", "nginx"))).isFalse();
    }
}

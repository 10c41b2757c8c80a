package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.model.Cause;
import dev.slipway.model.Slipway;
import dev.slipway.testing.Manifests;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** config, config set, config unset: App.spec.config edits, the Config release they make, and who made it. */
class ConfigCommandsTest extends CliScenario {

    @Test
    void configShowsTheAppsVarsWithValues() throws Exception {
        shopWithTwoReleases();

        Run run = slipway("config", "-a", "shop");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("=== shop config vars\n").containsPattern("LOG_LEVEL:\\s+info")
            .containsPattern("SECRET_TOKEN:\\s+s3cr3t-value");
        assertThat(new ObjectMapper().readTree(slipway("config", "-a", "shop", "-o", "json").out()).get("LOG_LEVEL").asText())
            .isEqualTo("info");
    }

    @Test
    void setMakesOneConfigReleaseByTheUser() {
        shopWithTwoReleases();

        Run run = slipway("config", "set", "LOG_LEVEL=debug", "FOO=bar=baz", "-a", "shop");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("Setting LOG_LEVEL, FOO on shop ... done, v3\n");
        var made = cluster.release("shop-v3");
        assertThat(made.getSpec().getCause()).isEqualTo(Cause.Config);
        assertThat(made.getSpec().getConfig()).containsEntry("LOG_LEVEL", "debug").containsEntry("FOO", "bar=baz");
        assertThat(made.getMetadata().getAnnotations()).containsEntry(Slipway.ANNOTATION_CREATED_BY, USER);
        assertThat(slipway("releases", "-a", "shop").out().lines().toList().get(1)).containsPattern("v3\\s+Set FOO, LOG_LEVEL\\s+alice");

        Run unset = slipway("config:unset", "FOO", "-a", "shop");
        assertThat(unset.out()).isEqualTo("Unsetting FOO on shop ... done, v4\n");
        assertThat(cluster.release("shop-v4").getSpec().getConfig()).doesNotContainKey("FOO");
    }

    @Test
    void settingWhatIsAlreadySetChangesNothing() {
        shopWithTwoReleases();

        Run run = slipway("config:set", "LOG_LEVEL=info", "-a", "shop");

        assertThat(run.out()).isEqualTo("Setting LOG_LEVEL on shop ... no change, nothing to do\n");
        assertThat(cluster.releasesOf("shop")).hasSize(2);
    }

    @Test
    void beforeTheFirstReleaseTheConfigSeedsIt() {
        cluster.create(Manifests.webAndWorker("shop", Map.of()));

        Run run = slipway("config", "set", "LOG_LEVEL=debug", "-a", "shop");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("Setting LOG_LEVEL on shop ... done (no new release: the App has no release yet; the config seeds the first)\n");
    }

    @Test
    void badNamesAreRejectedWithoutWritingAndWithoutEchoingValues() {
        shopWithTwoReleases();

        Run reserved = slipway("config", "set", "SLIPWAY_X=hunter2", "-a", "shop");
        assertThat(reserved.exit()).isEqualTo(Exit.USAGE.code);
        assertThat(reserved.err()).contains("SLIPWAY_X").contains("reserved").doesNotContain("hunter2");

        Run noName = slipway("config", "set", "=hunter2", "-a", "shop");
        assertThat(noName.exit()).isEqualTo(Exit.USAGE.code);
        assertThat(noName.err()).doesNotContain("hunter2");
        assertThat(cluster.app("shop").getSpec().getConfig()).doesNotContainKey("SLIPWAY_X");
    }
}

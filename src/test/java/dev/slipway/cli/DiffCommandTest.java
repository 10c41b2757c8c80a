package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.model.App;
import dev.slipway.model.ReleasePhase;
import dev.slipway.testing.Manifests;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** releases diff: what changed between two releases; config names only unless --show-values. */
class DiffCommandTest extends CliScenario {

    @BeforeEach
    void history() {
        shopWithTwoReleases();
    }

    @Test
    void withoutArgumentsTheActiveReleaseAgainstTheOneBefore() {
        Run run = slipway("releases", "diff", "-a", "shop");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("""
            === shop: v1 -> v2
            Image:       registry.example/shop/web:1 -> registry.example/shop/web:2
            Source:      6d58b1ce8a9f -> 9f2c1d3e7b6a
            Config:      unchanged
            EnvFrom:     unchanged
            Processes:   unchanged
            """);
        assertThat(slipway("releases:diff", "v2", "-a", "shop").out()).as("one release: against the one before it").isEqualTo(run.out());
        assertThat(slipway("releases", "diff", "v1", "v2", "-a", "shop").out()).isEqualTo(run.out());
    }

    @Test
    void configNamesAddedRemovedAndChangedValuesOnlyWhenAsked() {
        slipway("config", "set", "LOG_LEVEL=debug", "NEW_VAR=1", "-a", "shop");
        slipway("config", "unset", "SECRET_TOKEN", "-a", "shop");

        Run names = slipway("releases", "diff", "v2", "v4", "-a", "shop");
        assertThat(names.out()).contains("Config:      added NEW_VAR; removed SECRET_TOKEN; changed LOG_LEVEL\n")
            .contains("Image:       unchanged (registry.example/shop/web:2)").doesNotContain("s3cr3t-value", "debug");

        Run values = slipway("releases", "diff", "v2", "v4", "-a", "shop", "--show-values");
        assertThat(values.out()).contains("             LOG_LEVEL: info -> debug\n", "             NEW_VAR: (none) -> 1\n",
            "             SECRET_TOKEN: s3cr3t-value -> (none)\n");
    }

    @Test
    void theSourceRangeLinksToTheRepositorysComparePage() {
        slipway("deploy", "registry.example/shop/web:3", "--commit", "aaa111", "--repository", "https://git.example/shop/web.git", "-a", "shop");
        slipway("deploy", "registry.example/shop/web:4", "--commit", "bbb222", "--repository", "https://git.example/shop/web.git", "-a", "shop");

        assertThat(slipway("releases", "diff", "-a", "shop").out()).contains("Source:      aaa111 -> bbb222\n",
            "Compare:     https://git.example/shop/web/compare/aaa111...bbb222\n");
    }

    @Test
    void processTemplatesAddedAndChanged() {
        cluster.update(App.class, "shop", app -> {
            app.getSpec().getProcesses().get("web").setCommand(List.of("bin/web", "--fast"));
            app.getSpec().getProcesses().put("clock", Manifests.process(1, List.of("bin/clock")));
        });
        cluster.awaitPhase("shop-v3", ReleasePhase.Active);

        assertThat(slipway("releases", "diff", "-a", "shop").out()).contains("Processes:   added clock; changed web (command)\n");
    }

    @Test
    void jsonForScripts() throws Exception {
        slipway("config", "set", "LOG_LEVEL=debug", "-a", "shop");

        JsonNode json = new ObjectMapper().readTree(slipway("releases", "diff", "-a", "shop", "-o", "json").out());

        assertThat(json.at("/from/version").asLong()).isEqualTo(2);
        assertThat(json.at("/to/version").asLong()).isEqualTo(3);
        assertThat(json.at("/image/changed").asBoolean()).isFalse();
        assertThat(json.at("/config/changed").toString()).isEqualTo("[\"LOG_LEVEL\"]");
        assertThat(json.at("/config").has("values")).as("values only with --show-values").isFalse();
        assertThat(json.at("/processes/added")).isEmpty();
    }

    @Test
    void theFirstReleaseHasNothingBeforeItAndUnknownReleasesAreNotFound() {
        Run first = slipway("releases", "diff", "v1", "-a", "shop");
        assertThat(first.exit()).isEqualTo(Exit.NOT_FOUND.code);
        assertThat(first.err()).isEqualTo("error: v1 is the first release of App shop; nothing before it to compare with "
            + "(kubectl slipway releases info v1 -a shop shows it)\n");

        Run unknown = slipway("releases", "diff", "v1", "v99", "-a", "shop");
        assertThat(unknown.exit()).isEqualTo(Exit.NOT_FOUND.code);
        assertThat(unknown.err()).isEqualTo("error: App shop has no release v99; kubectl slipway releases -a shop lists them\n");
    }
}

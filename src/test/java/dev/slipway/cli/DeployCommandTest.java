package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.Slipway;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** deploy: creates a Release recording who made it, follows the rollout, reports failure and timeouts. */
class DeployCommandTest extends CliScenario {

    @BeforeEach
    void history() {
        shopWithTwoReleases();
    }

    @Test
    void deployCreatesAReleaseAndFollowsItUntilItRuns() {
        Run run = slipway("deploy", "registry.example/shop/web:3", "-a", "shop", "--commit", "abcdef1234567",
            "--branch", "main", "-m", "Faster checkout");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("Deploying registry.example/shop/web:3 to shop ... done, v3\n");
        Release made = v3();
        assertThat(made.getStatus().getPhase()).isEqualTo(ReleasePhase.Active);
        assertThat(made.getMetadata().getAnnotations()).containsEntry(Slipway.ANNOTATION_CREATED_BY, USER);
        assertThat(made.getSpec().getSource().getCommit()).isEqualTo("abcdef1234567");
        assertThat(made.getSpec().getSource().getMessage()).isEqualTo("Faster checkout");
        assertThat(slipway("releases", "-a", "shop").out().lines().toList().get(1))
            .containsPattern("v3\\s+Deploy abcdef12\\s+alice\\s+.*Active");
    }

    @Test
    void inAPipeTheProgressIsPlainLinesOnStderrEndingWithTheActiveRelease() {
        Run run = slipway("deploy", "registry.example/shop/web:3", "-a", "shop");

        assertThat(run.out()).isEqualTo("Deploying registry.example/shop/web:3 to shop ... done, v3\n");
        List<String> lines = run.err().lines().toList();
        assertThat(lines).isNotEmpty().doesNotHaveDuplicates()
            .allMatch(line -> line.matches(PROGRESS_LINE));
        assertThat(lines.get(lines.size() - 1)).matches("v3 Active \\(\\d+s\\)");
        assertThat(run.err()).doesNotContain("\033");
    }

    @Test
    void onATerminalTheLineIsRedrawnInPlaceAndEndsWithTheFinalLine() {
        Run run = slipway(Terminal.of(true, java.util.Map.of("NO_COLOR", "1")::get, () -> 100),
            "deploy", "registry.example/shop/web:3", "-a", "shop");

        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Deploying registry.example/shop/web:3 to shop ... \r\033[2K")
            .endsWith("\r\033[2KDeploying registry.example/shop/web:3 to shop ... done, v3\n").doesNotContain("\033[3");
    }

    @Test
    void aFailedRolloutSaysWhyAndThatItWasRolledBack() {
        Run run = slipway("deploy", "registry.example/shop/web:broken", "-a", "shop");

        assertThat(run.exit()).isEqualTo(Exit.FAILED.code);
        assertThat(run.out()).isEqualTo("Deploying registry.example/shop/web:broken to shop ... failed\n");
        assertThat(error(run)).startsWith("error: v3 failed: ").contains("progress deadline")
            .containsPattern("(rolled back automatically as v4|an automatic rollback follows)");
        cluster.awaitPhase("shop-v4", ReleasePhase.Active);
    }

    @Test
    void noWaitReturnsOnceTheReleaseExists() throws Exception {
        Run run = slipway("deploy", "registry.example/shop/web:3", "-a", "shop", "--no-wait", "-o", "json");

        assertThat(run.exit()).isZero();
        var json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("image").asText()).isEqualTo("registry.example/shop/web:3");
        assertThat(cluster.release(json.get("name").asText())).as("created").isNotNull();
        cluster.awaitPhase(json.get("name").asText(), ReleasePhase.Active);
    }

    @Test
    void followingEndsAtTheTimeoutAndSaysTheRolloutCarriesOn() {
        Run run = slipway("deploy", "registry.example/shop/web:stuck", "-a", "shop", "--timeout", "2s");

        assertThat(run.exit()).isEqualTo(Exit.TIMED_OUT.code);
        assertThat(run.out()).endsWith("... timed out\n");
        assertThat(error(run)).startsWith("error: timed out after 2s waiting for v3 to roll out (Deploying")
            .contains("the rollout carries on in the cluster: kubectl slipway releases info v3 -a shop");
    }

    @Test
    void jsonOutputIsTheReleaseThatRuns() throws Exception {
        Run run = slipway("deploy", "registry.example/shop/web:3", "-a", "shop", "-o", "json");

        var json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("version").asLong()).isEqualTo(3);
        assertThat(json.get("phase").asText()).isEqualTo("Active");
        assertThat(json.get("by").asText()).isEqualTo(USER);
    }

    private Release v3() {
        return cluster.releasesOf("shop").stream().filter(r -> Long.valueOf(3).equals(r.getStatus().getVersion())).findFirst().orElseThrow();
    }
}

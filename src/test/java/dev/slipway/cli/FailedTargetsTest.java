package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.Promotion;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.Rollback;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After a failed deploy (v3 failed, v4 is the automatic rollback to v2): what the plugin refuses before asking the
 * operator, in plugin terms, and what it says runs and is pinned when a failed release is run on purpose.
 */
class FailedTargetsTest extends CliScenario {

    @BeforeEach
    void failedDeploy() {
        shopWithTwoReleases();
        slipway("deploy", "registry.example/shop/web:broken", "-a", "shop");
        cluster.awaitPhase("shop-v4", ReleasePhase.Active);
    }

    @Test
    void promotingAFailedReleaseIsRefusedWithTheFlagThatAllowsIt() {
        Run run = slipway("promote", "v3", "-a", "shop");

        assertThat(run.exit()).isEqualTo(Exit.FAILED.code);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("error: promotion refused: v3 failed (").endsWith("); add --force to promote it anyway\n");
        assertThat(cluster.client.resources(Promotion.class).inNamespace("shop").list().getItems()).as("nothing asked").isEmpty();
    }

    @Test
    void rollingBackToAFailedReleaseIsRefusedInPluginTerms() {
        Run run = slipway("rollback", "v3", "-a", "shop");

        assertThat(run.exit()).isEqualTo(Exit.FAILED.code);
        assertThat(run.err()).startsWith("error: rollback refused: v3 failed (").endsWith("; add --force to roll back to it anyway\n")
            .doesNotContain("spec.");
        assertThat(cluster.client.resources(Rollback.class).inNamespace("shop").list().getItems()).isEmpty();
    }

    @Test
    void aPinnedAppRefusesARollbackWithThePinCommands() {
        slipway("pin", "v2", "-a", "shop");

        Run run = slipway("rollback", "v1", "-a", "shop");

        assertThat(run.exit()).isEqualTo(Exit.FAILED.code);
        assertThat(run.err()).isEqualTo("error: rollback refused: App shop is pinned to v2; move the pin with kubectl slipway pin vN -a shop,"
            + " or remove it with kubectl slipway unpin -a shop\n");
    }

    @Test
    void pinningAFailedReleaseNeedsForceAndThenSaysWhatRunsAndWhatIsPinned() {
        Run refused = slipway("pin", "v3", "-a", "shop");
        assertThat(refused.exit()).isEqualTo(Exit.FAILED.code);
        assertThat(refused.err()).startsWith("error: pin refused: v3 failed (").endsWith("); pinning it would run it again: add --force to pin it anyway\n");
        assertThat(cluster.app("shop").getSpec().getRelease()).isNull();

        Run forced = slipway("pin", "v3", "--force", "-a", "shop", "--timeout", "5s");

        assertThat(forced.exit()).isEqualTo(Exit.FAILED.code);
        assertThat(error(forced)).startsWith("error: v3 failed: ").contains("; v4 runs and the App is pinned to v3 (")
            .doesNotContain("rolled back automatically").doesNotContain("spec.release");
        assertThat(cluster.app("shop").getSpec().getRelease()).isEqualTo("v3");
    }

    @Test
    void aPlainRollbackRightAfterAnAutomaticOneSaysItWouldChangeNothing() {
        Run run = slipway("rollback", "-a", "shop");

        assertThat(run.exit()).isEqualTo(Exit.FAILED.code);
        assertThat(run.err()).startsWith("error: rollback refused: v4 already runs the build and config of v2 (")
            .endsWith("so rolling back to v2 would change nothing; name an older release: kubectl slipway rollback vN -a shop\n");
        assertThat(slipway("rollback", "v1", "-a", "shop").exit()).as("a named target still works").isZero();
    }
}

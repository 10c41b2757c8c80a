package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.ReleasePhase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** pin, unpin and releases create-from: the sticky hold on App.spec.release, and staged releases made from others. */
class PinCommandsTest extends CliScenario {

    @BeforeEach
    void history() {
        shopWithTwoReleases();
    }

    @Test
    void pinHoldsTheAppAndNewReleasesWaitUntilUnpin() {
        Run pin = slipway("pin", "v1", "-a", "shop");
        assertThat(pin.exit()).isZero();
        assertThat(pin.out()).isEqualTo("Pinning shop to v1 ... done, v1 runs and the App is pinned to it (kubectl slipway unpin -a shop removes the pin)\n");
        assertThat(cluster.app("shop").getSpec().getRelease()).isEqualTo("v1");
        assertThat(cluster.release("shop-a").getStatus().getPhase()).isEqualTo(ReleasePhase.Active);

        Run deploy = slipway("deploy", "registry.example/shop/web:3", "-a", "shop");
        assertThat(deploy.exit()).isZero();
        assertThat(deploy.out()).isEqualTo("Deploying registry.example/shop/web:3 to shop ... done, v3 is waiting: "
            + "the App is pinned to v1 (kubectl slipway pin v3 runs it)\n");
        assertThat(slipway("apps", "-a", "shop").out()).containsPattern("shop\\s+v1\\s+v3\\s+v1");

        Run unpin = slipway("unpin", "-a", "shop");
        assertThat(unpin.out()).isEqualTo("Unpinning shop ... done, v3 runs\n");
        assertThat(cluster.app("shop").getSpec().getRelease()).isNull();
        assertThat(slipway("unpin", "-a", "shop").out()).isEqualTo("shop is not pinned; the newest release runs.\n");
    }

    @Test
    void createFromCombinesOneReleasesBuildWithAnothersConfigAsAStagedRelease() {
        slipway("config", "set", "LOG_LEVEL=debug", "-a", "shop");

        Run run = slipway("releases", "create-from", "--build-from", "v1", "--env-from", "v3", "-a", "shop");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("Creating a release of shop from the build of v1 and the config of v3 ... done, v4 is staged"
            + " (kubectl slipway promote v4 runs it)\n");
        var made = cluster.releasesOf("shop").get(3);
        assertThat(made.getSpec().getImage()).isEqualTo("registry.example/shop/web:1");
        assertThat(made.getSpec().getConfig()).containsEntry("LOG_LEVEL", "debug");
        assertThat(made.getSpec().getDescription()).isEqualTo("Build of v1, config of v3");
        assertThat(made.getSpec().getPromote()).isFalse();
        cluster.awaitPhase(made.getMetadata().getName(), ReleasePhase.Waiting);
        assertThat(cluster.app("shop").getStatus().getActiveRelease().getVersion()).as("the staged release does not run").isEqualTo(3L);

        Run promote = slipway("promote", "v4", "-a", "shop");
        assertThat(promote.out()).isEqualTo("Promoting v4 on shop ... done, v4\n");
        assertThat(cluster.releasesOf("shop")).as("run as it is, no new version").hasSize(4);
    }

    @Test
    void createFromWithPromoteRunsTheNewRelease() {
        Run run = slipway("releases", "create-from", "--build-from", "v1", "--promote", "-a", "shop");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("Creating a release of shop from the build of v1 and the config of v2 ... done, v3\n");
        assertThat(cluster.releasesOf("shop").get(2).getSpec().getPromote()).isNull();
        assertThat(cluster.app("shop").getStatus().getActiveRelease().getVersion()).isEqualTo(3L);
    }

    @Test
    void createFromWithPromoteMovesThePin() {
        slipway("pin", "v1", "-a", "shop");

        Run run = slipway("releases:create-from", "--use-active-release-build", "--env-from", "v2", "--promote", "-a", "shop");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).endsWith("... done, v3\n");
        assertThat(cluster.app("shop").getSpec().getRelease()).isEqualTo("v3");
    }

    @Test
    void pinningAnUnknownReleaseIsNotFound() {
        Run run = slipway("pin", "v7", "-a", "shop");

        assertThat(run.exit()).isEqualTo(Exit.NOT_FOUND.code);
        assertThat(cluster.app("shop").getSpec().getRelease()).isNull();
    }
}

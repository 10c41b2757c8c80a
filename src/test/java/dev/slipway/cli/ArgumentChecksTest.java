package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.Promotion;
import dev.slipway.model.Rollback;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Images and release arguments are checked before anything is created; an unknown release is one error, exit 3, everywhere. */
class ArgumentChecksTest extends CliScenario {
    private static final String NO_V99 = "error: App shop has no release v99; kubectl slipway releases -a shop lists them\n";

    @BeforeEach
    void history() {
        shopWithTwoReleases();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not an image!!", "Registry.example/Shop:1", "web:"})
    void aBadImageMakesNoRelease(String image) {
        Run run = slipway("deploy", image, "-a", "shop");

        assertThat(run.exit()).isEqualTo(Exit.USAGE.code);
        assertThat(run.err()).startsWith("error: bad IMAGE: ").contains("[registry/]repository[:tag][@sha256:digest]")
            .endsWith("See 'kubectl slipway deploy --help'.\n");
        assertThat(run.out()).isEmpty();
        assertThat(cluster.releasesOf("shop")).as("no version used up").hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"V3", "v3.0", "vv3", "v0", "0", "3.1", "Shop-A"})
    void aMalformedReleaseMakesNoRollbackOrPromotion(String release) {
        Run rollback = slipway("rollback", release, "-a", "shop");
        Run promote = slipway("promote", release, "-a", "shop");
        Run pin = slipway("pin", release, "-a", "shop");

        for (Run run : new Run[] {rollback, promote, pin}) {
            assertThat(run.exit()).isEqualTo(Exit.USAGE.code);
            assertThat(run.err()).startsWith("error: bad RELEASE: '" + release + "'")
                .contains("name a release as vN or N (N a whole number from 1, e.g. v3) or by its Release name");
        }
        assertThat(cluster.client.resources(Rollback.class).inNamespace("shop").list().getItems()).isEmpty();
        assertThat(cluster.client.resources(Promotion.class).inNamespace("shop").list().getItems()).isEmpty();
        assertThat(cluster.app("shop").getSpec().getRelease()).isNull();
    }

    @Test
    void anUnknownReleaseIsTheSameErrorInEveryCommand() {
        for (String[] command : new String[][] {
            {"rollback", "v99"}, {"promote", "v99"}, {"releases", "promote", "99"}, {"pin", "v99"}, {"releases", "info", "v99"},
            {"releases", "manifest", "v99"}, {"releases", "create-from", "--build-from", "v99"}, {"releases", "create-from", "--env-from", "99"}}) {
            Run run = slipway(concat(command, "-a", "shop"));

            assertThat(run.exit()).as(String.join(" ", command)).isEqualTo(Exit.NOT_FOUND.code);
            assertThat(run.err()).as(String.join(" ", command)).isEqualTo(NO_V99);
        }
        assertThat(cluster.client.resources(Rollback.class).inNamespace("shop").list().getItems()).isEmpty();
        assertThat(cluster.client.resources(Promotion.class).inNamespace("shop").list().getItems()).isEmpty();
        assertThat(cluster.releasesOf("shop")).hasSize(2);
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = java.util.Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}

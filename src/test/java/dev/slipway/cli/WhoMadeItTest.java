package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.Slipway;
import dev.slipway.testing.Manifests;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "By" in `releases` and `releases info`: the user the API server stamped (deploy/created-by-user) wins over the name
 * a client declared, which wins over nothing.
 */
class WhoMadeItTest extends CliScenario {

    @BeforeEach
    void threeReleases() {
        cluster.create(Manifests.webAndWorker("shop", Map.of("LOG_LEVEL", "info")));
        create("shop-a", "registry.example/shop/web:1", Map.of());
        create("shop-b", "registry.example/shop/web:2", Map.of(Slipway.ANNOTATION_CREATED_BY, "alice"));
        create("shop-c", "registry.example/shop/web:3", Map.of(Slipway.ANNOTATION_CREATED_BY, "alice",
            Slipway.ANNOTATION_CREATED_BY_USER, "system:serviceaccount:ci:deployer"));
    }

    @Test
    void releasesShowsTheStampedUserElseTheDeclaredNameElseADash() {
        Run run = slipway("releases", "-a", "shop");

        assertThat(run.exit()).isZero();
        var lines = run.out().lines().toList();
        assertThat(lines.get(1)).containsPattern("^v3\\s+Deploy \\d\\s+system:serviceaccount:ci:deployer\\s");
        assertThat(lines.get(2)).containsPattern("^v2\\s+Deploy \\d\\s+alice\\s");
        assertThat(lines.get(3)).containsPattern("^v1\\s+Deploy \\d\\s+-\\s");
    }

    @Test
    void releaseInfoShowsTheSameByAsTheHistory() {
        assertThat(slipway("releases", "info", "v3", "-a", "shop").out()).containsPattern("By:\\s+system:serviceaccount:ci:deployer\n");
        assertThat(slipway("releases", "info", "v2", "-a", "shop").out()).containsPattern("By:\\s+alice\n");
        assertThat(slipway("releases", "info", "v1", "-a", "shop").out()).containsPattern("By:\\s+-\n");
    }

    private void create(String name, String image, Map<String, String> annotations) {
        Release release = Manifests.release(name, "shop", image);
        release.getMetadata().setAnnotations(annotations);
        cluster.create(release);
        cluster.awaitPhase(name, ReleasePhase.Active);
    }
}

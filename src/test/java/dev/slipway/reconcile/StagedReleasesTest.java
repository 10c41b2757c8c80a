package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.App;
import dev.slipway.model.Cause;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.testing.ClusterScenario;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Staged releases ({@code spec.promote: false}): numbered, Waiting with reason Staged, never run by themselves. */
class StagedReleasesTest extends ClusterScenario {

    @BeforeEach
    void runningRelease() {
        cluster.failRolloutsOfBrokenImages();
        cluster.create(webAndWorker("shop", Map.of()));
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);
    }

    @Test
    void aStagedReleaseIsNumberedAndWaitsWithReasonStaged() {
        cluster.create(staged("shop-b", "registry.example/shop/web:2"));

        cluster.awaitPhase("shop-b", ReleasePhase.Waiting);
        Release b = cluster.release("shop-b");
        assertThat(b.getStatus().getVersion()).isEqualTo(2L);
        assertThat(b.getStatus().getMessage()).isEqualTo(
            "Staged: it runs once promoted: kubectl slipway promote v2 (a Promotion), or pin it with App.spec.release");
        assertThat(b.getStatus().getConditions()).allSatisfy(c -> {
            assertThat(c.getStatus()).as(c.getType()).isEqualTo("False");
            assertThat(c.getReason()).as(c.getType()).isEqualTo("Staged");
        });
        assertThat(image()).isEqualTo("registry.example/shop/web:1");
        assertThat(cluster.release("shop-a").getStatus().getPhase()).isEqualTo(ReleasePhase.Active);
        assertThat(cluster.app("shop").getStatus().getActiveRelease().getVersion()).isEqualTo(1L);
    }

    @Test
    void aLaterDeployRunsAndTheStagedReleaseStaysWaiting() {
        cluster.create(staged("shop-b", "registry.example/shop/web:2"));
        cluster.awaitPhase("shop-b", ReleasePhase.Waiting);

        cluster.create(release("shop-c", "shop", "registry.example/shop/web:3"));

        cluster.awaitPhase("shop-c", ReleasePhase.Active);
        assertThat(image()).isEqualTo("registry.example/shop/web:3");
        assertThat(cluster.release("shop-b").getStatus().getPhase()).isEqualTo(ReleasePhase.Waiting);
        assertThat(cluster.release("shop-b").getStatus().getMessage()).startsWith("Staged:");
    }

    @Test
    void aPinRunsAStagedReleaseAndItKeepsRunningOnceUnpinned() {
        cluster.create(staged("shop-b", "registry.example/shop/web:2"));
        cluster.awaitPhase("shop-b", ReleasePhase.Waiting);

        cluster.update(App.class, "shop", app -> app.getSpec().setRelease("v2"));
        cluster.awaitPhase("shop-b", ReleasePhase.Active);
        assertThat(image()).isEqualTo("registry.example/shop/web:2");

        // It ran: a pin is a promotion, so unpinning does not step back to v1.
        cluster.update(App.class, "shop", app -> app.getSpec().setRelease(null));
        cluster.awaitPhase("shop-b", ReleasePhase.Active);
        assertThat(cluster.release("shop-a").getStatus().getPhase()).isEqualTo(ReleasePhase.Superseded);
        assertThat(image()).isEqualTo("registry.example/shop/web:2");
    }

    @Test
    void anAutomaticRollbackNeverGoesToAStagedRelease() {
        cluster.create(staged("shop-b", "registry.example/shop/web:2"));
        cluster.awaitPhase("shop-b", ReleasePhase.Waiting);

        cluster.create(release("shop-c", "shop", "registry.example/shop/web:broken"));

        cluster.awaitPhase("shop-c", ReleasePhase.Failed);
        cluster.awaitPhase("shop-v4", ReleasePhase.Active);
        assertThat(cluster.release("shop-v4").getSpec().getCause()).isEqualTo(Cause.AutoRollback);
        assertThat(cluster.release("shop-v4").getSpec().getRollbackOf()).isEqualTo(1L);
        assertThat(cluster.release("shop-b").getStatus().getPhase()).isEqualTo(ReleasePhase.Waiting);
    }

    private static Release staged(String name, String image) {
        Release release = release(name, "shop", image);
        release.getSpec().setPromote(false);
        return release;
    }

    private String image() {
        return cluster.deployment("shop-web").getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }
}

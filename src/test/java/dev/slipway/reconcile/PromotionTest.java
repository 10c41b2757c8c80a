package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.promotion;
import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.rollback;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.App;
import dev.slipway.model.Cause;
import dev.slipway.model.Promotion;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.RequestPhase;
import dev.slipway.testing.ClusterScenario;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Promotion makes a release run: the newest staged one as it is, any other as a copy (cause Promote); or is refused. */
class PromotionTest extends ClusterScenario {

    @BeforeEach
    void runningRelease() {
        cluster.failRolloutsOfBrokenImages();
        cluster.create(webAndWorker("shop", Map.of("LOG_LEVEL", "info")));
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);
    }

    @Test
    void promotingTheNewestStagedReleaseRunsItWithoutANewVersion() {
        cluster.create(staged("shop-b", "registry.example/shop/web:2"));
        cluster.awaitPhase("shop-b", ReleasePhase.Waiting);

        cluster.create(promotion("ship-b", "shop", "v2"));

        cluster.awaitPromotion("ship-b", RequestPhase.Succeeded);
        cluster.awaitPhase("shop-b", ReleasePhase.Active);
        Promotion ship = cluster.promotion("ship-b");
        assertThat(ship.getStatus().getRelease()).isEqualTo("shop-b");
        assertThat(ship.getStatus().getMessage()).isEqualTo("Promoted v2: it runs as it is");
        assertThat(ship.getStatus().getConditions()).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo("Ready");
            assertThat(c.getStatus()).isEqualTo("True");
        });
        Release b = cluster.release("shop-b");
        assertThat(b.getStatus().getPromotedBy()).isEqualTo("ship-b");
        assertThat(b.getStatus().getPromotedAt()).isNotNull();
        assertThat(b.getStatus().getVersion()).isEqualTo(2L);
        assertThat(cluster.releasesOf("shop")).as("no new version").hasSize(2);
        assertThat(cluster.release("shop-a").getStatus().getPhase()).isEqualTo(ReleasePhase.Superseded);
        assertThat(cluster.app("shop").getSpec().getRelease()).as("no pin left behind").isNull();
    }

    @Test
    void promotingAnOlderStagedReleaseCopiesItAsANewVersion() {
        cluster.create(staged("shop-b", "registry.example/shop/web:2"));
        cluster.awaitPhase("shop-b", ReleasePhase.Waiting);
        cluster.create(release("shop-c", "shop", "registry.example/shop/web:3"));
        cluster.awaitPhase("shop-c", ReleasePhase.Active);

        cluster.create(promotion("ship-b", "shop", 2));

        cluster.awaitPromotion("ship-b", RequestPhase.Succeeded);
        cluster.awaitPhase("shop-v4", ReleasePhase.Active);
        Release copy = cluster.release("shop-v4");
        assertThat(copy.getSpec().getCause()).isEqualTo(Cause.Promote);
        assertThat(copy.getSpec().getRollbackOf()).isEqualTo(2L);
        assertThat(copy.getSpec().getDescription()).isEqualTo("Promote v2");
        assertThat(copy.getSpec().getImage()).isEqualTo("registry.example/shop/web:2");
        assertThat(copy.getSpec().getConfig()).isEqualTo(Map.of("LOG_LEVEL", "info"));
        assertThat(copy.getSpec().getPromote()).as("the copy runs").isNull();
        assertThat(cluster.promotion("ship-b").getStatus().getRelease()).isEqualTo("shop-v4");
        assertThat(cluster.promotion("ship-b").getStatus().getMessage()).isEqualTo("Promoted v2 as v4");
        assertThat(cluster.release("shop-b").getStatus().getPhase()).as("the staged original stays as it is")
            .isEqualTo(ReleasePhase.Waiting);
    }

    @Test
    void promotingAReleaseThatRanBeforeCopiesIt() {
        cluster.create(release("shop-b", "shop", "registry.example/shop/web:2"));
        cluster.awaitPhase("shop-b", ReleasePhase.Active);

        cluster.create(promotion("again", "shop", "shop-a"));

        cluster.awaitPromotion("again", RequestPhase.Succeeded);
        cluster.awaitPhase("shop-v3", ReleasePhase.Active);
        assertThat(cluster.release("shop-v3").getSpec().getRollbackOf()).isEqualTo(1L);
    }

    @Test
    void aPromotionOfAnUnknownAppIsRefused() {
        cluster.create(promotion("lost", "nope", "v1"));

        cluster.awaitPromotion("lost", RequestPhase.Failed);
        assertThat(cluster.promotion("lost").getStatus().getMessage()).isEqualTo("App nope does not exist in namespace shop");
    }

    @Test
    void aPromotionOfAnUnknownReleaseIsRefused() {
        cluster.create(promotion("lost", "shop", "v9"));

        cluster.awaitPromotion("lost", RequestPhase.Failed);
        assertThat(cluster.promotion("lost").getStatus().getMessage()).isEqualTo(
            "spec.release v9 matches no release of App shop; list them with kubectl get releases -l slipway.dev/app=shop");
    }

    @Test
    void aFailedReleaseIsPromotedOnlyWithForce() {
        cluster.update(App.class, "shop", app -> app.getSpec().getRollout().setAutoRollback(false));
        cluster.create(release("shop-b", "shop", "registry.example/shop/web:broken"));
        cluster.awaitPhase("shop-b", ReleasePhase.Failed);
        cluster.create(release("shop-c", "shop", "registry.example/shop/web:3"));
        cluster.awaitPhase("shop-c", ReleasePhase.Active);

        cluster.create(promotion("retry", "shop", "v2"));

        cluster.awaitPromotion("retry", RequestPhase.Failed);
        assertThat(cluster.promotion("retry").getStatus().getMessage())
            .startsWith("v2 failed (").endsWith("); set spec.force: true to promote it anyway");
        Promotion forced = promotion("retry-forced", "shop", "v2");
        forced.getSpec().setForce(true);
        cluster.create(forced);
        cluster.awaitPromotion("retry-forced", RequestPhase.Succeeded);
        assertThat(cluster.release("shop-v4").getSpec().getRollbackOf()).isEqualTo(2L);
    }

    @Test
    void promotingTheActiveReleaseIsRefused() {
        cluster.create(promotion("same", "shop", "v1"));

        cluster.awaitPromotion("same", RequestPhase.Failed);
        assertThat(cluster.promotion("same").getStatus().getMessage()).isEqualTo("v1 is already the active release");
        assertThat(cluster.releasesOf("shop")).hasSize(1);
    }

    @Test
    void aPromotionOfAPinnedAppIsRefused() {
        cluster.create(staged("shop-b", "registry.example/shop/web:2"));
        cluster.awaitPhase("shop-b", ReleasePhase.Waiting);
        cluster.update(App.class, "shop", app -> app.getSpec().setRelease("v1"));

        cluster.create(promotion("pinned", "shop", "v2"));

        cluster.awaitPromotion("pinned", RequestPhase.Failed);
        assertThat(cluster.promotion("pinned").getStatus().getMessage())
            .isEqualTo("App is pinned to v1 by spec.release; change the pin");
        assertThat(cluster.release("shop-b").getStatus().getPhase()).isEqualTo(ReleasePhase.Waiting);
        assertThat(cluster.release("shop-b").getStatus().getPromotedAt()).isNull();
    }

    @Test
    void requestsAreCarriedOutInTheOrderTheyWereMade() {
        cluster.create(staged("shop-b", "registry.example/shop/web:2"));
        cluster.awaitPhase("shop-b", ReleasePhase.Waiting);
        cluster.create(promotion("ship-b", "shop", "v2"));
        cluster.awaitPromotion("ship-b", RequestPhase.Succeeded);

        cluster.create(rollback("undo", "shop", "v1"));

        cluster.awaitRollback("undo", RequestPhase.Succeeded);
        cluster.awaitPhase("shop-v3", ReleasePhase.Active);
        assertThat(cluster.release("shop-v3").getSpec().getImage()).isEqualTo("registry.example/shop/web:1");
        assertThat(cluster.release("shop-b").getStatus().getPhase()).as("it ran: no longer staged")
            .isEqualTo(ReleasePhase.Superseded);
    }

    private static Release staged(String name, String image) {
        Release release = release(name, "shop", image);
        release.getSpec().setPromote(false);
        return release;
    }
}

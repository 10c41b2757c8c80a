package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.promotion;
import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.rollback;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.App;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.RequestPhase;
import dev.slipway.model.Slipway;
import dev.slipway.release.ConfigChange;
import dev.slipway.testing.ClusterScenario;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "By": the operator copies who asked onto the releases it makes for a Rollback or a config change. */
class CreatedByTest extends ClusterScenario {

    @BeforeEach
    void twoReleases() {
        cluster.failRolloutsOfBrokenImages();
        cluster.create(webAndWorker("shop", Map.of("LOG_LEVEL", "info")));
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);
        cluster.create(release("shop-b", "shop", "registry.example/shop/web:2"));
        cluster.awaitPhase("shop-b", ReleasePhase.Active);
    }

    @Test
    void aRollbackReleaseIsByWhoeverCreatedTheRollback() {
        var undo = rollback("undo", "shop", "v1");
        undo.getMetadata().setAnnotations(Map.of(Slipway.ANNOTATION_CREATED_BY, "alice"));
        cluster.create(undo);
        cluster.awaitRollback("undo", RequestPhase.Succeeded);

        assertThat(cluster.release("shop-v3").getMetadata().getAnnotations())
            .containsEntry(Slipway.ANNOTATION_CREATED_BY, "alice");

        cluster.create(rollback("anonymous", "shop", "v2"));
        cluster.awaitRollback("anonymous", RequestPhase.Succeeded);
        assertThat(cluster.release("shop-v4").getMetadata().getAnnotations()).doesNotContainKey(Slipway.ANNOTATION_CREATED_BY);
    }

    @Test
    void aRollbackReleaseCarriesTheUserTheApiServerStampedOnTheRollback() {
        var undo = rollback("undo", "shop", "v1");
        undo.getMetadata().setAnnotations(Map.of(Slipway.ANNOTATION_CREATED_BY, "alice",
            Slipway.ANNOTATION_CREATED_BY_USER, "alice@example.com"));
        cluster.create(undo);
        cluster.awaitRollback("undo", RequestPhase.Succeeded);

        assertThat(cluster.release("shop-v3").getMetadata().getAnnotations())
            .containsEntry(Slipway.ANNOTATION_CREATED_BY_USER, "alice@example.com")
            .containsEntry(Slipway.ANNOTATION_CREATED_BY, "alice");
    }

    @Test
    void aPromotedCopyCarriesTheUserTheApiServerStampedOnThePromotion() {
        var promote = promotion("promote-a", "shop", "v1");
        promote.getMetadata().setAnnotations(Map.of(Slipway.ANNOTATION_CREATED_BY_USER, "bob@example.com"));
        cluster.create(promote);
        cluster.awaitPromotion("promote-a", RequestPhase.Succeeded);

        assertThat(cluster.release("shop-v3").getMetadata().getAnnotations())
            .containsEntry(Slipway.ANNOTATION_CREATED_BY_USER, "bob@example.com")
            .doesNotContainKey(Slipway.ANNOTATION_CREATED_BY);
    }

    @Test
    void aConfigReleaseIsByWhoeverRecordedThatExactConfig() {
        Map<String, String> debug = Map.of("LOG_LEVEL", "debug");
        cluster.update(App.class, "shop", app -> {
            app.getSpec().setConfig(new LinkedHashMap<>(debug));
            app.getMetadata().getAnnotations().put(Slipway.ANNOTATION_CONFIG_CHANGED_BY, "bob");
            app.getMetadata().getAnnotations().put(Slipway.ANNOTATION_CONFIG_CHANGED_DIGEST, ConfigChange.digest(debug, null));
        });
        cluster.awaitPhase("shop-v3", ReleasePhase.Active);
        assertThat(cluster.release("shop-v3").getMetadata().getAnnotations()).containsEntry(Slipway.ANNOTATION_CREATED_BY, "bob");

        cluster.update(App.class, "shop", app -> app.getSpec().getConfig().put("LOG_LEVEL", "warn"));
        cluster.awaitPhase("shop-v4", ReleasePhase.Active);
        assertThat(cluster.release("shop-v4").getMetadata().getAnnotations())
            .as("an edit by other means is not bob's").doesNotContainKey(Slipway.ANNOTATION_CREATED_BY);
    }

    @Test
    void anAutomaticRollbackIsByTheOperator() {
        cluster.create(release("shop-c", "shop", "registry.example/shop/web:broken"));
        cluster.awaitPhase("shop-c", ReleasePhase.Failed);
        cluster.awaitPhase("shop-v4", ReleasePhase.Active);

        assertThat(cluster.release("shop-v4").getMetadata().getAnnotations())
            .containsEntry(Slipway.ANNOTATION_CREATED_BY, Slipway.AUTO_ROLLBACK_BY)
            .as("an automatic rollback has no authenticated requester to name").doesNotContainKey(Slipway.ANNOTATION_CREATED_BY_USER);
    }
}

package dev.slipway.operations;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.rollback;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.Cause;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.RequestPhase;
import dev.slipway.testing.Cluster;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Slipway's metrics count what happened, with labels from small fixed sets only. */
class MetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private Cluster cluster;

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void releasesRollbacksFailuresAndRolloutDurationsAreCounted() {
        cluster = new Cluster(registry);
        cluster.failRolloutsOfBrokenImages();
        cluster.create(webAndWorker("shop", Map.of()));
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);
        cluster.create(release("shop-b", "shop", "registry.example/shop/web:2"));
        cluster.awaitPhase("shop-b", ReleasePhase.Active);
        cluster.create(release("shop-c", "shop", "registry.example/shop/web:broken"));
        cluster.awaitPhase("shop-v4", ReleasePhase.Active);
        cluster.create(rollback("undo", "shop", "v1"));
        cluster.awaitRollback("undo", RequestPhase.Succeeded);
        cluster.awaitPhase("shop-v5", ReleasePhase.Active);

        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> {
            assertThat(count("slipway.releases.created", "cause", "Deploy")).isEqualTo(3);
            assertThat(count("slipway.releases.created", "cause", "AutoRollback")).isEqualTo(1);
            assertThat(count("slipway.releases.created", "cause", "Rollback")).isEqualTo(1);
            assertThat(count("slipway.rollbacks", "kind", "automatic")).isEqualTo(1);
            assertThat(count("slipway.rollbacks", "kind", "manual")).isEqualTo(1);
            assertThat(count("slipway.release.failures", "reason", "RolloutFailed")).isEqualTo(1);
            assertThat(registry.get("slipway.rollout.duration").timer().count()).as("v1, v2, v4, v5 rolled out").isEqualTo(4);
        });
        assertThat(registry.getMeters()).filteredOn(m -> m.getId().getName().startsWith("slipway."))
            .flatExtracting(m -> m.getId().getTags()).extracting(Tag::getKey)
            .as("no per-app or per-release labels").allMatch(key -> Set.of("cause", "kind", "reason", "le").contains(key));
        assertThat(registry.getMeters()).extracting(Meter::getId).extracting(id -> id.getTags().toString())
            .as("no series of Slipway's or of JOSDK's names an App").noneMatch(tags -> tags.contains("shop"));
    }

    @Test
    void everySeriesExistsAtZeroBeforeAnythingHappens() {
        cluster = new Cluster(registry);

        for (Cause cause : Cause.values()) {
            assertThat(count("slipway.releases.created", "cause", cause.name())).isZero();
        }
        assertThat(count("slipway.rollbacks", "kind", "manual")).isZero();
        assertThat(count("slipway.rollbacks", "kind", "automatic")).isZero();
        assertThat(count("slipway.release.failures", "reason", "Invalid")).isZero();
        assertThat(count("slipway.release.failures", "reason", "RolloutFailed")).isZero();
    }

    private double count(String name, String tag, String value) {
        return registry.get(name).tag(tag, value).counter().count();
    }
}

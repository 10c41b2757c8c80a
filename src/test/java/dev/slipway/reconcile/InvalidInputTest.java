package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.App;
import dev.slipway.model.ReleasePhase;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.ClusterScenario;
import io.fabric8.kubernetes.api.model.Event;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Input a server with the CRD schema would reject, written straight into the mock server that does not. */
class InvalidInputTest extends ClusterScenario {
    @BeforeEach
    void setUp() {
        cluster.create(webAndWorker("shop", Map.of()));
        cluster.create(webAndWorker("other", Map.of()));
    }

    @Test
    void releaseWithABadImageFailsWithAStalledConditionAndAnEventWithoutAffectingOtherApps() {
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);

        cluster.create(release("shop-bad", "shop", "Registry Example/Shop:!!"));
        cluster.create(release("other-a", "other", "registry.example/other/web:1"));

        cluster.awaitPhase("shop-bad", ReleasePhase.Failed);
        cluster.awaitPhase("other-a", ReleasePhase.Active);
        var bad = cluster.release("shop-bad");
        assertThat(bad.getStatus().getVersion()).as("numbered: the attempt is part of the history").isEqualTo(2L);
        assertThat(bad.getStatus().getMessage()).contains("spec.image 'Registry Example/Shop:!!' is not a valid image reference");
        assertThat(bad.getStatus().getConditions()).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo("Stalled");
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getReason()).isEqualTo("Invalid");
        });
        assertThat(cluster.release("shop-a").getStatus().getPhase()).as("the invalid release never runs").isEqualTo(ReleasePhase.Active);
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(eventsFor("shop-bad"))
            .anySatisfy(e -> {
                assertThat(e.getType()).isEqualTo("Warning");
                assertThat(e.getReason()).isEqualTo("Invalid");
            }));
    }

    @Test
    void specChangedAfterNumberingFailsTheRelease() {
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.create(release("shop-b", "shop", "registry.example/shop/web:2"));
        cluster.awaitPhase("shop-b", ReleasePhase.Active);

        cluster.update(dev.slipway.model.Release.class, "shop-b", r -> r.getSpec().setImage("registry.example/shop/web:hacked"));

        cluster.awaitPhase("shop-b", ReleasePhase.Failed);
        assertThat(cluster.release("shop-b").getStatus().getMessage()).contains("the spec was changed after the release was numbered");
        assertThat(cluster.deployment("shop-web").getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
            .as("the changed image never runs").isNotEqualTo("registry.example/shop/web:hacked");
    }

    @Test
    void invalidAppSpecStallsTheAppAndLeavesItsWorkloadsAlone() {
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);

        cluster.update(App.class, "shop", app -> {
            app.getSpec().getProcesses().put("Bad_Name", app.getSpec().getProcesses().get("web"));
            app.getSpec().getConfig().put("SLIPWAY_APP", "x");
        });

        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(cluster.app("shop").getStatus().getConditions())
            .anySatisfy(c -> {
                assertThat(c.getType()).isEqualTo("Stalled");
                assertThat(c.getStatus()).isEqualTo("True");
                assertThat(c.getReason()).isEqualTo("InvalidSpec");
                assertThat(c.getMessage()).contains("process name 'Bad_Name' is not a DNS label")
                    .contains("'SLIPWAY_APP'");
            }));
        assertThat(cluster.deployment("shop-web")).isNotNull();
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(eventsFor("shop"))
            .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("InvalidSpec")));
    }

    private List<Event> eventsFor(String name) {
        return cluster.client.v1().events().inNamespace("shop").list().getItems().stream()
            .filter(e -> name.equals(e.getInvolvedObject().getName()))
            .toList();
    }
}

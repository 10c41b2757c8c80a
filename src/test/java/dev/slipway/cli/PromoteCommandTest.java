package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.Cause;
import dev.slipway.model.Promotion;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.Slipway;
import dev.slipway.testing.Manifests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** promote (and releases promote): a Promotion by the kubeconfig user, followed until the release runs; never a pin. */
class PromoteCommandTest extends CliScenario {

    @BeforeEach
    void history() {
        shopWithTwoReleases();
    }

    @Test
    void promoteRunsTheNewestStagedReleaseAsItIs() {
        Release staged = Manifests.release("shop-c", "shop", "registry.example/shop/web:3");
        staged.getSpec().setPromote(false);
        cluster.create(staged);
        cluster.awaitPhase("shop-c", ReleasePhase.Waiting);

        Run run = slipway("promote", "v3", "-a", "shop");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("Promoting v3 on shop ... done, v3\n");
        assertThat(cluster.release("shop-c").getStatus().getPhase()).isEqualTo(ReleasePhase.Active);
        assertThat(cluster.releasesOf("shop")).hasSize(3);
        assertThat(cluster.app("shop").getSpec().getRelease()).as("no pin").isNull();
        assertThat(cluster.client.resources(Promotion.class).inNamespace("shop").list().getItems())
            .singleElement().satisfies(p -> assertThat(p.getMetadata().getAnnotations()).containsEntry(Slipway.ANNOTATION_CREATED_BY, USER));
    }

    @Test
    void releasesPromoteCopiesAnOlderReleaseAsANewOne() {
        Run run = slipway("releases", "promote", "v1", "-a", "shop");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("Promoting v1 on shop ... done, v3\n");
        Release made = cluster.release("shop-v3");
        assertThat(made.getSpec().getCause()).isEqualTo(Cause.Promote);
        assertThat(made.getSpec().getImage()).isEqualTo("registry.example/shop/web:1");
        assertThat(made.getMetadata().getAnnotations()).as("copied by the operator from the Promotion")
            .containsEntry(Slipway.ANNOTATION_CREATED_BY, USER);
        assertThat(slipway("releases", "-a", "shop").out().lines().toList().get(1)).containsPattern("v3\\s+Promote v1\\s+alice");
    }

    @Test
    void aRefusalIsTheOperatorsMessage() {
        Run run = slipway("promote", "v2", "-a", "shop");

        assertThat(run.exit()).isEqualTo(Exit.FAILED.code);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: promotion refused: v2 is already the active release\n");
        assertThat(cluster.releasesOf("shop")).hasSize(2);
    }

    @Test
    void noWaitOnlyCreatesThePromotion() {
        Run run = slipway("promote", "v1", "-a", "shop", "--no-wait");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Promoting v1 on shop ... created promotion shop-promote-");
        cluster.awaitPhase("shop-v3", ReleasePhase.Active);
    }
}

package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.Rollback;
import dev.slipway.model.Slipway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** rollback: a Rollback by the kubeconfig user, followed to the new release, or the operator's refusal. */
class RollbackCommandTest extends CliScenario {

    @BeforeEach
    void history() {
        shopWithTwoReleases();
    }

    @Test
    void rollbackMakesANewReleaseCopyingTheTarget() {
        Run run = slipway("rollback", "v1", "-a", "shop");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("Rolling back to v1 on shop ... done, v3\n");
        var made = cluster.release("shop-v3");
        assertThat(made.getSpec().getImage()).isEqualTo("registry.example/shop/web:1");
        assertThat(made.getMetadata().getAnnotations()).as("copied by the operator from the Rollback")
            .containsEntry(Slipway.ANNOTATION_CREATED_BY, USER);
        assertThat(cluster.client.resources(Rollback.class).inNamespace("shop").list().getItems())
            .singleElement().satisfies(r -> assertThat(r.getMetadata().getAnnotations()).containsEntry(Slipway.ANNOTATION_CREATED_BY, USER));
        assertThat(slipway("releases", "-a", "shop").out().lines().toList().get(1)).containsPattern("v3\\s+Rollback to v1\\s+alice");
    }

    @Test
    void withoutATargetItRollsBackToThePreviousRelease() {
        Run run = slipway("rollback", "-a", "shop");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("Rolling back to v1 on shop ... done, v3\n");
    }

    @Test
    void aRefusalIsTheOperatorsMessage() {
        Run run = slipway("rollback", "2", "-a", "shop");

        assertThat(run.exit()).isEqualTo(Exit.FAILED.code);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: rollback refused: v2 is already the active release\n");
        assertThat(cluster.releasesOf("shop")).hasSize(2);
    }

    @Test
    void noWaitOnlyCreatesTheRollback() {
        Run run = slipway("rollback", "v1", "-a", "shop", "--no-wait");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Rolling back shop ... created rollback shop-rollback-");
        cluster.awaitPhase("shop-v3", dev.slipway.model.ReleasePhase.Active);
    }
}

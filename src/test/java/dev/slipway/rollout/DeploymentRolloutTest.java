package dev.slipway.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentRolloutTest {

    /** A Deployment of v7 whose rollout is complete: 3 replicas, all updated and available. */
    private static DeploymentBuilder done() {
        return new DeploymentBuilder()
            .withNewMetadata().withName("myapp-web").withGeneration(4L).endMetadata()
            .withNewSpec().withReplicas(3).withProgressDeadlineSeconds(600)
                .withNewTemplate().withNewMetadata().addToLabels("slipway.dev/version", "7").endMetadata().endTemplate()
            .endSpec()
            .withNewStatus().withObservedGeneration(4L).withReplicas(3).withUpdatedReplicas(3)
                .withAvailableReplicas(3).withReadyReplicas(3)
            .endStatus();
    }

    /** What the Deployment controller writes when a ResourceQuota refuses the ReplicaSet's pods. */
    private static final DeploymentCondition QUOTA_EXCEEDED = new DeploymentConditionBuilder()
        .withType("ReplicaFailure").withStatus("True").withReason("FailedCreate")
        .withMessage("pods \"myapp-web-7d9f8-x2x9q\" is forbidden: exceeded quota: compute, requested: cpu=500m, used: cpu=2, limited: cpu=2")
        .build();

    private static Rollout rollout(Deployment d) {
        return DeploymentRollout.of("web", d, 7);
    }

    @Test
    void allReplicasUpdatedAndAvailableIsComplete() {
        assertThat(rollout(done().build()).state()).isEqualTo(Rollout.State.COMPLETE);
    }

    @Test
    void missingDeploymentIsProgressing() {
        Rollout r = DeploymentRollout.of("web", null, 7);
        assertThat(r.state()).isEqualTo(Rollout.State.PROGRESSING);
        assertThat(r.message()).contains("web").contains("created");
    }

    @Test
    void templateOfAnotherVersionIsProgressing() {
        Deployment d = done().editSpec().editTemplate().editMetadata()
            .addToLabels("slipway.dev/version", "6").endMetadata().endTemplate().endSpec().build();
        Rollout r = rollout(d);
        assertThat(r.state()).isEqualTo(Rollout.State.PROGRESSING);
        assertThat(r.message()).contains("v7");
    }

    @Test
    void observedGenerationBehindIsProgressingEvenWhenCountsLookDone() {
        Rollout r = rollout(done().editMetadata().withGeneration(5L).endMetadata().build());
        assertThat(r.state()).isEqualTo(Rollout.State.PROGRESSING);
        assertThat(r.message()).contains("spec update to be observed");
    }

    @Test
    void missingStatusIsProgressing() {
        assertThat(rollout(done().withStatus(null).build()).state()).isEqualTo(Rollout.State.PROGRESSING);
    }

    @Test
    void fewerUpdatedThanDesiredIsProgressing() {
        Rollout r = rollout(done().editStatus().withUpdatedReplicas(1).endStatus().build());
        assertThat(r.state()).isEqualTo(Rollout.State.PROGRESSING);
        assertThat(r.message()).isEqualTo("web: 1 of 3 new replicas have been updated");
    }

    @Test
    void oldReplicasPendingTerminationIsProgressing() {
        Rollout r = rollout(done().editStatus().withReplicas(4).endStatus().build());
        assertThat(r.state()).isEqualTo(Rollout.State.PROGRESSING);
        assertThat(r.message()).isEqualTo("web: 1 old replicas are pending termination");
    }

    @Test
    void fewerAvailableThanUpdatedIsProgressing() {
        Rollout r = rollout(done().editStatus().withAvailableReplicas(2).endStatus().build());
        assertThat(r.state()).isEqualTo(Rollout.State.PROGRESSING);
        assertThat(r.message()).isEqualTo("web: 2 of 3 updated replicas are available");
    }

    @Test
    void progressDeadlineExceededIsFailed() {
        Deployment d = done().editStatus().withUpdatedReplicas(1).addToConditions(new DeploymentConditionBuilder()
            .withType("Progressing").withStatus("False").withReason("ProgressDeadlineExceeded").build()).endStatus().build();
        Rollout r = rollout(d);
        assertThat(r.state()).isEqualTo(Rollout.State.FAILED);
        assertThat(r.message()).contains("myapp-web").contains("progress deadline").contains("600s");
    }

    @Test
    void podsTheQuotaRefusesAreNamedWhileTheRolloutWaits() {
        Deployment d = done().editStatus().withUpdatedReplicas(0).addToConditions(QUOTA_EXCEEDED).endStatus().build();
        Rollout r = rollout(d);
        assertThat(r.state()).isEqualTo(Rollout.State.PROGRESSING);
        assertThat(r.message()).isEqualTo("web: 0 of 3 new replicas have been updated; pods cannot be created (FailedCreate): "
            + QUOTA_EXCEEDED.getMessage());
    }

    @Test
    void aRolloutFailedAtItsDeadlineSaysWhyPodsWereNotCreated() {
        Deployment d = done().editStatus().withUpdatedReplicas(0).addToConditions(QUOTA_EXCEEDED, new DeploymentConditionBuilder()
            .withType("Progressing").withStatus("False").withReason("ProgressDeadlineExceeded").build()).endStatus().build();
        Rollout r = rollout(d);
        assertThat(r.state()).isEqualTo(Rollout.State.FAILED);
        assertThat(r.message()).endsWith("(600s); pods cannot be created (FailedCreate): " + QUOTA_EXCEEDED.getMessage());
    }

    @Test
    void aReplicaFailureThatIsOverIsNotMentioned() {
        Deployment d = done().editStatus().withAvailableReplicas(2).addToConditions(new DeploymentConditionBuilder(QUOTA_EXCEEDED)
            .withStatus("False").build()).endStatus().build();
        assertThat(rollout(d).message()).isEqualTo("web: 2 of 3 updated replicas are available");
    }

    @Test
    void progressingConditionWithOtherReasonIsNotFailed() {
        Deployment d = done().editStatus().addToConditions(new DeploymentConditionBuilder()
            .withType("Progressing").withStatus("True").withReason("NewReplicaSetAvailable").build()).endStatus().build();
        assertThat(rollout(d).state()).isEqualTo(Rollout.State.COMPLETE);
    }

    @Test
    void nullSpecReplicasAreReadAsOne() {
        Deployment d = done().editSpec().withReplicas(null).endSpec()
            .editStatus().withReplicas(0).withUpdatedReplicas(0).withAvailableReplicas(0).endStatus().build();
        Rollout r = rollout(d);
        assertThat(r.state()).isEqualTo(Rollout.State.PROGRESSING);
        assertThat(r.message()).isEqualTo("web: 0 of 1 new replicas have been updated");
    }

    @Test
    void nullSpecReplicasWithOneAvailablePodIsComplete() {
        Deployment d = done().editSpec().withReplicas(null).endSpec()
            .editStatus().withReplicas(1).withUpdatedReplicas(1).withAvailableReplicas(1).endStatus().build();
        assertThat(rollout(d).state()).isEqualTo(Rollout.State.COMPLETE);
    }

    @Test
    void zeroReplicasIsComplete() {
        Deployment d = done().editSpec().withReplicas(0).endSpec()
            .editStatus().withReplicas(null).withUpdatedReplicas(null).withAvailableReplicas(null).endStatus().build();
        assertThat(rollout(d).state()).isEqualTo(Rollout.State.COMPLETE);
    }

    @Test
    void allProcessesCompleteIsComplete() {
        Map<String, Deployment> all = Map.of("web", done().build(), "worker", done().build());
        assertThat(DeploymentRollout.of(all, 7).state()).isEqualTo(Rollout.State.COMPLETE);
    }

    @Test
    void oneProcessInProgressMakesTheReleaseProgressing() {
        Map<String, Deployment> all = new LinkedHashMap<>();
        all.put("web", done().build());
        all.put("worker", done().editStatus().withAvailableReplicas(0).endStatus().build());
        Rollout r = DeploymentRollout.of(all, 7);
        assertThat(r.state()).isEqualTo(Rollout.State.PROGRESSING);
        assertThat(r.message()).startsWith("worker:").doesNotContain("web:");
    }

    @Test
    void oneFailedProcessFailsTheReleaseEvenWhileAnotherProgresses() {
        Map<String, Deployment> all = new LinkedHashMap<>();
        all.put("web", done().editStatus().withAvailableReplicas(0).endStatus().build());
        all.put("worker", done().editStatus().addToConditions(new DeploymentConditionBuilder()
            .withType("Progressing").withReason("ProgressDeadlineExceeded").build()).endStatus().build());
        Rollout r = DeploymentRollout.of(all, 7);
        assertThat(r.state()).isEqualTo(Rollout.State.FAILED);
        assertThat(r.message()).startsWith("worker:");
    }

    @Test
    void progressMessagesOfSeveralProcessesAreJoined() {
        Map<String, Deployment> all = new LinkedHashMap<>();
        all.put("web", null);
        all.put("worker", null);
        assertThat(DeploymentRollout.of(all, 7).message()).contains("web:").contains("; worker:");
    }
}

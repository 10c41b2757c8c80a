package dev.slipway.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.model.Rollback;
import dev.slipway.model.RequestPhase;
import dev.slipway.model.RollbackSpec;
import dev.slipway.model.RollbackStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The status subresource of the in-process API server locks optimistically, as a real one does. */
class StatusConflictsTest {
    private final TestApiServer api = TestApiServer.start(dispatcher -> dispatcher);
    private final KubernetesClient client = api.newClient();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aStatusWriteFromAnOldVersionIsAConflict() {
        Rollback read = create();
        client.resource(withPhase(read, RequestPhase.Succeeded)).updateStatus();

        assertThatThrownBy(() -> client.resource(withPhase(read, RequestPhase.Pending)).updateStatus())
            .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
        assertThat(phaseStored()).isEqualTo(RequestPhase.Succeeded);
    }

    @Test
    void aStatusWriteFromTheCurrentVersionOrWithoutOneIsTaken() {
        Rollback read = create();
        Rollback written = client.resource(withPhase(read, RequestPhase.Pending)).updateStatus();
        client.resource(withPhase(written, RequestPhase.Failed)).updateStatus();
        assertThat(phaseStored()).isEqualTo(RequestPhase.Failed);

        Rollback unversioned = withPhase(written, RequestPhase.Succeeded);
        unversioned.getMetadata().setResourceVersion(null);
        client.resource(unversioned).updateStatus();
        assertThat(phaseStored()).isEqualTo(RequestPhase.Succeeded);
    }

    private Rollback create() {
        Rollback rollback = new Rollback();
        rollback.setMetadata(new ObjectMetaBuilder().withName("r").withNamespace("ns").build());
        RollbackSpec spec = new RollbackSpec();
        spec.setApp("shop");
        rollback.setSpec(spec);
        return client.resource(rollback).create();
    }

    private static Rollback withPhase(Rollback read, RequestPhase phase) {
        Rollback copy = new Rollback();
        copy.setMetadata(new ObjectMetaBuilder(read.getMetadata()).build());
        copy.setSpec(read.getSpec());
        RollbackStatus status = new RollbackStatus();
        status.setPhase(phase);
        copy.setStatus(status);
        return copy;
    }

    private RequestPhase phaseStored() {
        return client.resources(Rollback.class).inNamespace("ns").withName("r").get().getStatus().getPhase();
    }
}

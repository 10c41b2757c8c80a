package dev.slipway.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.Release;
import dev.slipway.status.Health;
import dev.slipway.testing.Manifests;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the App's conditions say about a failed pass, by the error and how many passes failed in a row. */
class ReconcileErrorsTest {
    private static final Map<String, String> CONFIG = Map.of("API_TOKEN", "s3cr3t-token-7f9a", "LOG_LEVEL", "on");

    private static Optional<Health> health(Exception error, int failures) {
        Release old = Manifests.release("shop-a", "shop", "registry.example/shop:1");
        old.getSpec().setConfig(Map.of("API_TOKEN", "older-t0ken-1c2d"));
        return ReconcileErrors.health(error, failures, CONFIG, List.of(old));
    }

    private static KubernetesClientException answered(int code, String reason, String message) {
        Status status = new StatusBuilder().withCode(code).withReason(reason).withMessage(message).build();
        return new KubernetesClientException(status);
    }

    @Test
    void aConflictIsNeverReported() {
        assertThat(health(answered(409, "Conflict", "the object has been modified"), 20)).isEmpty();
    }

    @Test
    void aRefusedWriteIsReportedAtOnce() {
        assertThat(health(answered(403, "Forbidden", "admission webhook \"images\" denied the request"), 1))
            .hasValueSatisfying(h -> assertThat(h.reason()).isEqualTo(WriteRefusals.REASON));
    }

    @Test
    void aServerErrorOrNoAnswerIsReportedAtOnceTheClientHavingRetriedIt() {
        assertThat(health(answered(500, "InternalError", "etcdserver: request timed out"), 1)).hasValueSatisfying(h -> {
            assertThat(h.shape()).isEqualTo(Health.Shape.STALLED);
            assertThat(h.reason()).isEqualTo(ReconcileErrors.REASON);
            assertThat(h.message()).startsWith("The API server answered 500 (InternalError): etcdserver: request timed out,"
                + " after the client's own retries. What runs is kept");
        });
        assertThat(health(new KubernetesClientException("timed out", new IOException("connect timed out")), 1))
            .hasValueSatisfying(h -> assertThat(h.message()).startsWith("No answer from the API server (IOException: connect timed out)"));
    }

    @Test
    void anyOtherErrorIsReportedOnceItHasFailedFourPassesInARow() {
        var race = new IllegalStateException("Rollback undo: another replica claimed a release for it; deciding again once that release is seen");
        assertThat(health(race, ReconcileErrors.REPORTED_AFTER_FAILURES - 1)).isEmpty();
        assertThat(health(race, ReconcileErrors.REPORTED_AFTER_FAILURES)).hasValueSatisfying(h -> assertThat(h.message())
            .startsWith("The last 4 passes failed: the operator failed with IllegalStateException: Rollback undo: another replica")
            .endsWith("the operator's log has the stack trace (fields namespace and app): please report it"));
        assertThat(health(answered(404, "NotFound", "releases \"shop-a\" not found"), 1)).as("likely a race: once").isEmpty();
    }

    @Test
    void aConfigValueTheServerQuotesIsReplaced() {
        String quoted = "env API_TOKEN=s3cr3t-token-7f9a rejected; it was older-t0ken-1c2d; LOG_LEVEL=on";
        assertThat(health(answered(500, "InternalError", quoted), 1)).hasValueSatisfying(h -> assertThat(h.message())
            .contains("env API_TOKEN=<config value> rejected; it was <config value>; LOG_LEVEL=on")
            .doesNotContain("s3cr3t").doesNotContain("older-t0ken"));
        assertThat(health(answered(422, "Invalid", quoted), 1)).hasValueSatisfying(h -> assertThat(h.message()).doesNotContain("s3cr3t"));
    }
}

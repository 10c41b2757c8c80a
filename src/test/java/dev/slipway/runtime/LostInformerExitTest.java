package dev.slipway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LostInformerExitTest {
    private static final String UNREADABLE = "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"odd\"},"
        + "\"spec\":{\"replicas\":\"s3cr3t-value\"}}";

    private final KubernetesClient client = new KubernetesClientBuilder().build();
    private final SharedIndexInformer<Deployment> informer = client.apps().deployments().inAnyNamespace().runnableInformer(0);
    private final List<Integer> exits = new ArrayList<>();
    private final LostInformerExit handler = new LostInformerExit(exits::add);

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void anInformerStoppedOnPurposeEndsNothing() {
        handler.onStop(informer, null);

        assertThat(exits).isEmpty();
    }

    @Test
    void anInformerThatCannotReadAnObjectEndsTheProcessWithOne() {
        handler.onStop(informer, unreadableObject());

        assertThat(exits).containsExactly(1);
    }

    @Test
    void theReasonNamesTheFieldButNeverItsValue() {
        String reason = LostInformerExit.reason(unreadableObject());

        assertThat(reason).contains("spec.replicas").doesNotContain("s3cr3t");
    }

    @Test
    void anyOtherFailureIsNamedByItsClasses() {
        assertThat(LostInformerExit.reason(new WatcherException("Exhausted reconnects"))).isEqualTo("WatcherException");
    }

    /** What Fabric8's watch hands the informer for an event it cannot read: the raw event in the message. */
    private static WatcherException unreadableObject() {
        Throwable parse = catchThrowable(() -> Serialization.unmarshal(UNREADABLE, Deployment.class));
        assertThat(parse).as("the object cannot be read").isNotNull();
        return new WatcherException("Invalid object received: " + UNREADABLE, parse, UNREADABLE);
    }
}

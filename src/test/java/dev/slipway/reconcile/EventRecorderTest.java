package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.App;
import dev.slipway.testing.TestApiServer;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Events leave in the background, in order, and one operator's slow API server never holds up another's. */
class EventRecorderTest {
    /**
     * A send to the in-process API server takes milliseconds; the stalled server holds each of its sends for
     * the client's 10 s request timeout, so a sender shared with it would miss this by a wide margin.
     */
    private static final Duration DELIVERY = Duration.ofSeconds(5);

    @Test
    void aStalledApiServerDoesNotDelayAnotherRecordersEvents() {
        CountDownLatch release = new CountDownLatch(1);
        try (TestApiServer stalled = TestApiServer.start(dispatcher -> new StallEvents(dispatcher, release));
             TestApiServer healthy = TestApiServer.start()) {
            try {
                var stuck = new EventRecorder(stalled.newClient(), Clock.systemUTC());
                App other = app(stalled.newClient(), "other");
                for (int i = 0; i < 3; i++) {
                    stuck.normal(other, "Deploying", "v" + i + " is deploying");
                }

                KubernetesClient client = healthy.newClient();
                App shop = app(client, "shop");
                var recorder = new EventRecorder(client, Clock.systemUTC());
                recorder.normal(shop, "Deploying", "v1 is deploying");
                recorder.normal(shop, "Active", "v1 is active");

                await().atMost(DELIVERY).untilAsserted(() -> assertThat(events(client))
                    .extracting(Event::getReason).containsExactlyInAnyOrder("Deploying", "Active"));
                assertThat(events(client)).allSatisfy(event -> {
                    assertThat(event.getInvolvedObject().getName()).isEqualTo("shop");
                    assertThat(event.getSource().getComponent()).isEqualTo(EventRecorder.COMPONENT);
                });
            } finally {
                release.countDown();
            }
        }
    }

    private static App app(KubernetesClient client, String name) {
        return client.resource(webAndWorker(name, Map.of())).create();
    }

    private static List<Event> events(KubernetesClient client) {
        return client.v1().events().inNamespace("shop").list().getItems();
    }

    /** Holds every Event create until released, like an API server that has stopped answering. */
    private static final class StallEvents extends Dispatcher {
        private final Dispatcher delegate;
        private final CountDownLatch release;

        StallEvents(Dispatcher delegate, CountDownLatch release) {
            this.delegate = delegate;
            this.release = release;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            if (request.getMethod().equals("POST") && request.getPath().contains("/events")) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return delegate.dispatch(request);
        }

        @Override
        public void shutdown() {
            delegate.shutdown();
        }
    }
}

package dev.slipway.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An API server in trouble for some objects: while {@link #fail failing}, every create, update, patch or delete of a
 * path it matches is answered with the chosen code and a Status, as a real server answers when etcd times out (500) or
 * when another writer got there first (409), and nothing is stored. It decides by method and path only: reading the
 * body would consume it before the server gets it.
 */
public final class FailingWrites {
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Predicate<String> path;
    private final AtomicInteger answered = new AtomicInteger();
    private volatile Failure failure;

    /** What the server answers: the HTTP code, the Status's reason and message. */
    public record Failure(int code, String reason, String message) {
    }

    public FailingWrites(Predicate<String> path) {
        this.path = path;
    }

    /** Answers matching writes with {@code failure} from now on; null serves them again. */
    public void fail(Failure failure) {
        this.failure = failure;
    }

    /** How many writes were answered with a failure so far. */
    public int answered() {
        return answered.get();
    }

    /** For {@link Cluster#Cluster(java.util.function.UnaryOperator)}. */
    public Dispatcher wrap(Dispatcher server) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                Failure now = failure;
                if (now != null && WRITES.contains(request.getMethod()) && path.test(request.getPath())) {
                    answered.incrementAndGet();
                    return new MockResponse().setResponseCode(now.code()).setBody(JSON.createObjectNode().put("kind", "Status")
                        .put("apiVersion", "v1").put("status", "Failure").put("message", now.message()).put("reason", now.reason())
                        .put("code", now.code()).toString());
                }
                return server.dispatch(request);
            }

            @Override
            public void shutdown() {
                server.shutdown();
            }
        };
    }
}

package dev.slipway.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A validating admission webhook, which the mock server lacks: while {@link #enforce enforced}, creates, updates and
 * patches of the objects whose path it matches are answered as a real API server answers a denial, 403 with a
 * Status quoting the webhook. Status subresource writes pass, as webhooks registered for a kind do not see them.
 * It decides by method and path only: reading the body would consume it before the server gets it.
 */
public final class AdmissionDenial {
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");
    private static final Pattern STATUS = Pattern.compile("/status(\\?.*)?$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String message;
    private final Predicate<String> deniedPath;
    private volatile boolean enforced;

    /** A denial by the webhook {@code webhook} with {@code reason}, of writes to paths {@code deniedPath} accepts. */
    public AdmissionDenial(String webhook, String reason, Predicate<String> deniedPath) {
        this.message = "admission webhook \"" + webhook + "\" denied the request: " + reason;
        this.deniedPath = deniedPath;
    }

    /** What the API server says, as a client sees it in the Status's message. */
    public String message() {
        return message;
    }

    public void enforce(boolean enforced) {
        this.enforced = enforced;
    }

    /** For {@link TestApiServer#start(java.util.function.UnaryOperator)} and {@link Cluster#Cluster(java.util.function.UnaryOperator)}. */
    public Dispatcher wrap(Dispatcher server) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getPath();
                if (enforced && WRITES.contains(request.getMethod()) && !STATUS.matcher(path).find() && deniedPath.test(path)) {
                    return new MockResponse().setResponseCode(403).setBody(denial());
                }
                return server.dispatch(request);
            }

            @Override
            public void shutdown() {
                server.shutdown();
            }
        };
    }

    private String denial() {
        return JSON.createObjectNode().put("kind", "Status").put("apiVersion", "v1").put("status", "Failure")
            .put("message", message).put("reason", "Forbidden").put("code", 403).toString();
    }
}

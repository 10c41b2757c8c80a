package dev.slipway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic locking on status writes, which the mock server lacks: it answers a stale update of the object itself
 * with 409 but accepts a status update computed from an old resourceVersion, so a writer that paused between reading
 * and writing silently overwrote a newer status. A real API server refuses it (409 Conflict) like any stale update.
 * Writes are taken one at a time, so the version compared is the version the write replaces.
 */
final class StatusConflicts extends Dispatcher {
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern STATUS_PUT = Pattern.compile("^(?<object>[^?]+)/status(\\?.*)?$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Dispatcher server;

    StatusConflicts(Dispatcher server) {
        this.server = server;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (!WRITES.contains(request.getMethod())) {
            return server.dispatch(request);
        }
        synchronized (this) {
            Matcher status = STATUS_PUT.matcher(request.getPath());
            if ("PUT".equals(request.getMethod()) && status.matches()) {
                String sent = resourceVersion(request.getBody().getBytes());
                if (!sent.isEmpty()) {
                    String stored = storedVersion(request, status.group("object"));
                    if (!stored.isEmpty() && !stored.equals(sent)) {
                        return conflict(request.getPath());
                    }
                }
            }
            return server.dispatch(request);
        }
    }

    private String storedVersion(RecordedRequest request, String objectPath) {
        MockResponse current = server.dispatch(new RecordedRequest(request.getHttpVersion(), HttpMethod.GET, objectPath,
            request.getHeaders(), new Buffer()));
        return current.code() == 200 ? resourceVersion(current.getBody().getBytes()) : "";
    }

    private static String resourceVersion(byte[] object) {
        try {
            JsonNode node = JSON.readTree(object);
            return node == null ? "" : node.path("metadata").path("resourceVersion").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private static MockResponse conflict(String path) {
        String message = "Operation cannot be fulfilled on " + path + ": the object has been modified; please apply your changes"
            + " to the latest version and try again";
        return new MockResponse().setResponseCode(409).setBody(JSON.createObjectNode().put("kind", "Status").put("apiVersion", "v1")
            .put("status", "Failure").put("message", message).put("reason", "Conflict").put("code", 409).toString());
    }

    @Override
    public void shutdown() {
        server.shutdown();
    }
}

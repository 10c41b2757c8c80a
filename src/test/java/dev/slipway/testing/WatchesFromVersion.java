package dev.slipway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches that resume from a resourceVersion, as a real API server serves them: only what changed after that version.
 * The mock server opens every watch by sending every stored object that matches it as ADDED, whatever version the
 * watch names. An informer lists, then watches from the list's version, so on the mock it received and parsed every
 * object twice at each start; a restarted operator paid for a second list that no real cluster sends. ADDED events of
 * objects at or below the named version are dropped here; later ones (changes between the list and the watch) and every
 * MODIFIED, DELETED and BOOKMARK event pass. A watch without a version, or from "0", still starts with every object.
 * {@link ResumableWatches} serves watches from a recent version without the replay; what reaches this filter is a watch
 * from a version older than its log, and live events.
 */
final class WatchesFromVersion extends Dispatcher {
    private static final Pattern VERSION = Pattern.compile("[?&]resourceVersion=(\\d+)(&|$)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Dispatcher server;

    WatchesFromVersion(Dispatcher server) {
        this.server = server;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        MockResponse response = server.dispatch(request);
        long from = watchedFrom(request.getPath());
        if (from <= 0 || response.getWebSocketListener() == null) {
            return response;
        }
        return response.withWebSocketUpgrade(new AfterVersion(response.getWebSocketListener(), from));
    }

    /** The version a watch request resumes from; 0 for none, "0" (any version) and requests that do not watch. */
    static long watchedFrom(String path) {
        if (path == null || !path.contains("watch=true")) {
            return 0;
        }
        Matcher version = VERSION.matcher(path);
        return version.find() ? Long.parseLong(version.group(1)) : 0;
    }

    /** True for an event the watch must not deliver: an object added at or before the version the watch resumes from. */
    static boolean alreadyListed(String event, long from) {
        if (!event.contains("\"ADDED\"")) {
            return false;
        }
        try {
            JsonNode parsed = JSON.readTree(event);
            String version = parsed.path("object").path("metadata").path("resourceVersion").asText("");
            return "ADDED".equals(parsed.path("type").asText()) && !version.isEmpty() && Long.parseLong(version) <= from;
        } catch (IOException e) {
            throw new UncheckedIOException("the mock server sent a watch event that is not JSON", e);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public void shutdown() {
        server.shutdown();
    }

    /** The mock's watch listener, sending through a socket that leaves out what the list already gave. */
    private static final class AfterVersion extends WebSocketListener {
        private final WebSocketListener watch;
        private final long from;

        AfterVersion(WebSocketListener watch, long from) {
            this.watch = watch;
            this.from = from;
        }

        @Override
        public void onBeforeAccept(WebSocket socket, Response response) {
            watch.onBeforeAccept(new Filtered(socket, from), response);
        }

        @Override
        public void onOpen(WebSocket socket, Response response) {
            watch.onOpen(new Filtered(socket, from), response);
        }

        @Override
        public void onMessage(WebSocket socket, String text) {
            watch.onMessage(new Filtered(socket, from), text);
        }

        @Override
        public void onMessage(WebSocket socket, byte[] bytes) {
            watch.onMessage(new Filtered(socket, from), bytes);
        }

        @Override
        public void onMessage(WebSocket socket, ByteString bytes) {
            watch.onMessage(new Filtered(socket, from), bytes);
        }

        @Override
        public void onClosing(WebSocket socket, int code, String reason) {
            watch.onClosing(new Filtered(socket, from), code, reason);
        }

        @Override
        public void onClosed(WebSocket socket, int code, String reason) {
            watch.onClosed(new Filtered(socket, from), code, reason);
        }

        @Override
        public void onFailure(WebSocket socket, Throwable failure, Response response) {
            watch.onFailure(new Filtered(socket, from), failure, response);
        }
    }

    private record Filtered(WebSocket socket, long from) implements WebSocket {
        @Override
        public RecordedRequest request() {
            return socket.request();
        }

        @Override
        public boolean send(String text) {
            return alreadyListed(text, from) || socket.send(text);
        }

        @Override
        public boolean send(byte[] bytes) {
            return alreadyListed(new String(bytes, StandardCharsets.UTF_8), from) || socket.send(bytes);
        }

        @Override
        public boolean close(int code, String reason) {
            return socket.close(code, reason);
        }
    }
}

package dev.slipway.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists in pages, as a real API server serves {@code limit} and {@code continue}: the mock server ignores both and
 * answers every list whole. The first page takes a snapshot of the whole list; its {@code continue} token hands out
 * the rest of that snapshot page by page, so objects created meanwhile are not in it (as etcd serves a paged list at
 * one revision). A token that is unknown or used up is answered 410 Gone, as an expired one is. Items are cut out of
 * the mock's answer as bytes, not parsed, so serving pages costs the server side little.
 */
final class PagedLists extends Dispatcher {
    private static final Pattern LIMIT = Pattern.compile("[?&]limit=(\\d+)");
    private static final Pattern CONTINUE = Pattern.compile("[?&]continue=([^&]+)");
    private static final Pattern PAGING = Pattern.compile("(?<=[?&])(limit|continue)=[^&]*&?");
    private static final JsonFactory JSON = new JsonFactory();

    /** One list as it was when its first page was asked for; {@code id} names it in the continue tokens. */
    private record Snapshot(String id, String resourceVersion, byte[] body, List<int[]> items) {
    }

    private final Dispatcher server;
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    PagedLists(Dispatcher server) {
        this.server = server;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath();
        if (!"GET".equals(request.getMethod()) || path == null || path.contains("watch=true")) {
            return server.dispatch(request);
        }
        Matcher limit = LIMIT.matcher(path);
        if (!limit.find()) {
            return server.dispatch(request);
        }
        int size = Integer.parseInt(limit.group(1));
        Matcher token = CONTINUE.matcher(path);
        if (token.find()) {
            return next(token.group(1), size);
        }
        MockResponse whole = server.dispatch(new RecordedRequest(request.getHttpVersion(), HttpMethod.GET, withoutPaging(path),
            request.getHeaders(), new Buffer()));
        if (whole.code() != 200 || size <= 0) {
            return whole;
        }
        return page(snapshot(whole.getBody().getBytes()), 0, size);
    }

    private MockResponse next(String token, int size) {
        int at = token.lastIndexOf('.');
        Snapshot snapshot = at < 0 ? null : snapshots.get(token.substring(0, at));
        if (snapshot == null) {
            return new MockResponse().setResponseCode(410).setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                + "\"reason\":\"Expired\",\"code\":410,\"message\":\"The provided continue parameter is too old or unknown\"}");
        }
        return page(snapshot, Integer.parseInt(token.substring(at + 1)), size);
    }

    private MockResponse page(Snapshot snapshot, int from, int size) {
        int to = Math.min(snapshot.items().size(), from + size);
        boolean more = to < snapshot.items().size();
        if (more) {
            snapshots.put(snapshot.id(), snapshot);
        } else {
            snapshots.remove(snapshot.id());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"metadata\":{\"resourceVersion\":\"" + snapshot.resourceVersion() + "\""
            + (more ? ",\"continue\":\"" + snapshot.id() + "." + to + "\",\"remainingItemCount\":" + (snapshot.items().size() - to) : "")
            + "},\"items\":[").getBytes(StandardCharsets.UTF_8));
        for (int i = from; i < to; i++) {
            int[] item = snapshot.items().get(i);
            if (i > from) {
                out.write(',');
            }
            out.write(snapshot.body(), item[0], item[1] - item[0]);
        }
        out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        return new MockResponse().setResponseCode(200).setBody(out.toByteArray());
    }

    /** Where each item of the list lies in the mock's answer, and the list's resourceVersion. */
    private static Snapshot snapshot(byte[] body) {
        List<int[]> items = new ArrayList<>();
        String resourceVersion = "";
        try (JsonParser parser = JSON.createParser(body)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("items".equals(field) && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        int start = (int) parser.currentTokenLocation().getByteOffset();
                        parser.skipChildren();
                        items.add(new int[] {start, (int) parser.currentLocation().getByteOffset()});
                    }
                } else if ("metadata".equals(field) && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        parser.nextToken();
                        if ("resourceVersion".equals(name)) {
                            resourceVersion = parser.getText();
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the mock server answered a list that is not JSON", e);
        }
        return new Snapshot(UUID.randomUUID().toString(), resourceVersion, body, items);
    }

    private static String withoutPaging(String path) {
        String stripped = PAGING.matcher(path).replaceAll("");
        return stripped.endsWith("?") || stripped.endsWith("&") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    @Override
    public void shutdown() {
        server.shutdown();
    }
}

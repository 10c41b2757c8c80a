package dev.slipway.testing;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Watcher.Action;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mock server's CRUD mode, with watches that resume from a resourceVersion served as a real API server serves them:
 * from a log of recent changes, without touching the objects stored. The mock opens every watch by converting each
 * stored object that matches it into an ADDED event, under its read lock, whatever version the watch names
 * ({@link WatchesFromVersion} then drops those the list already gave). At 21,600 releases that took the mock about
 * half a second per informer start, during which it answered nothing else and held every write; a real server resumes a
 * watch from its watch cache. Here a watch from version V gets the logged changes after V, then every later change; a
 * version older than the log falls back to the mock's way.
 */
class ResumableWatches extends KubernetesCrudDispatcher {
    /** Changes kept for watches to resume from; an informer watches within milliseconds of its list. */
    static final int LOGGED_CHANGES = 4096;

    private record Change(long version, AttributeSet before, AttributeSet after, String newState, String oldState) {
    }

    private final Deque<Change> log = new ArrayDeque<>();
    private final Set<ResumedWatch> resumed = ConcurrentHashMap.newKeySet();
    /** The version of the newest change dropped from the log: watches from before it cannot resume. */
    private long forgottenUpTo;
    private long latest;

    ResumableWatches(List<CustomResourceDefinitionContext> crds) {
        super(crds);
    }

    @Override
    public MockResponse handleWatch(String path) {
        long from = WatchesFromVersion.watchedFrom(path);
        if (from <= 0 || !resumable(from)) {
            return super.handleWatch(path);
        }
        return new MockResponse().withWebSocketUpgrade(new ResumedWatch(watched(path), from));
    }

    private boolean resumable(long from) {
        synchronized (log) {
            return from > forgottenUpTo;
        }
    }

    /** Sends what changed after {@code from} and registers the watch for what follows, with no change in between. */
    private void resume(ResumedWatch watch, long from) {
        synchronized (log) {
            for (Change change : log) {
                // The mock gives a deletion no version of its own: one at the watch's version may be after its list.
                boolean deletion = change.newState() == null;
                if (change.version() > from || (deletion && change.version() == from)) {
                    send(watch, change);
                }
            }
            resumed.add(watch);
        }
    }

    /** The mock's bookkeeping and its own watches first, then the log and the resumed watches, as the mock decides. */
    @Override
    public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes, GenericKubernetesResource resource,
                             String newState) {
        String oldState = oldAttributes == null ? null : getMap().get(oldAttributes);
        super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
        if (Objects.equals(oldState, newState)) {
            return;
        }
        AttributeSet after = newState == null ? null : attributesOf(pathAttributes, resource, newState);
        synchronized (log) {
            latest = newState == null ? latest : Math.max(latest, versionOf(newState));
            Change change = new Change(latest, oldAttributes, after, newState, oldState);
            log.addLast(change);
            if (log.size() > LOGGED_CHANGES) {
                forgottenUpTo = log.removeFirst().version();
            }
            resumed.forEach(watch -> send(watch, change));
        }
    }

    /** The mock's event for one watch: MODIFIED while it matches, DELETED when it stops, ADDED when it starts to. */
    private static void send(ResumedWatch watch, Change change) {
        boolean matched = change.before() != null && change.before().matches(watch.query);
        boolean matches = change.after() != null && change.after().matches(watch.query);
        if (matched && matches) {
            watch.send(Action.MODIFIED, change.newState());
        } else if (matched) {
            watch.send(Action.DELETED, change.oldState());
        } else if (matches) {
            watch.send(Action.ADDED, change.newState());
        }
    }

    /** The key the mock stores the new state under (its processEvent). */
    private AttributeSet attributesOf(AttributeSet pathAttributes, GenericKubernetesResource resource, String newState) {
        KubernetesAttributesExtractor extractor = (KubernetesAttributesExtractor) getAttributeExtractor();
        AttributeSet attributes = resource != null ? extractor.extract(resource) : extractor.fromResource(newState);
        return attributes.containsKey("plural") ? attributes : AttributeSet.merge(pathAttributes, attributes);
    }

    /** The stored object's metadata.resourceVersion, which the mock sets before it stores. */
    private static long versionOf(String newState) {
        try {
            return Long.parseLong(Serialization.jsonMapper().readTree(newState).path("metadata").path("resourceVersion").asText("0"));
        } catch (java.io.IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** What the mock's watch of this path matches: the path's attributes and the name of a metadata.name field selector. */
    private AttributeSet watched(String path) {
        AttributeSet attributes = getAttributeExtractor().fromPath(path);
        String name = selectedName(path);
        return name == null ? attributes : attributes.add(new Attribute("name", name));
    }

    private static String selectedName(String path) {
        String query;
        try {
            query = new URI(path).getQuery();
        } catch (URISyntaxException e) {
            return null;
        }
        if (query == null) {
            return null;
        }
        String name = null;
        for (String parameter : query.split("&")) {
            if (parameter.contains("fieldSelector") && parameter.contains("metadata.name")) {
                String[] parts = parameter.split("=");
                name = parts[parts.length - 1];
            }
        }
        return name == null || name.isEmpty() ? null : name;
    }

    /** One resumed watch: its socket once open, and what it matches (the mock's watch query). */
    private final class ResumedWatch extends WebSocketListener {
        private final AttributeSet query;
        private final long from;
        private volatile WebSocket socket;

        ResumedWatch(AttributeSet query, long from) {
            this.query = query;
            this.from = from;
        }

        @Override
        public void onOpen(WebSocket socket, Response response) {
            this.socket = socket;
            resume(this, from);
        }

        /** The event as the API server writes it; the stored state is already the object's JSON. */
        void send(Action action, String object) {
            socket.send("{\"type\":\"" + action.name() + "\",\"object\":" + object + "}");
        }

        @Override
        public void onClosing(WebSocket socket, int code, String reason) {
            resumed.remove(this);
            socket.close(code, reason);
        }

        @Override
        public void onClosed(WebSocket socket, int code, String reason) {
            resumed.remove(this);
        }

        @Override
        public void onFailure(WebSocket socket, Throwable failure, Response response) {
            resumed.remove(this);
        }
    }
}

package dev.slipway.reliability;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An API server that misbehaves for the operator's client (recognised by its User-Agent): with a fixed
 * probability and a fixed seed, a request meets the chosen fault instead of (or, for lost responses, after)
 * being served.
 */
final class FaultInjector extends Dispatcher {
    enum Fault {
        /** 409 on writes: someone else changed the object. */
        CONFLICT,
        /** 500 on any request. */
        SERVER_ERROR,
        /** 429 with Retry-After on any request. */
        THROTTLE,
        /** The write is applied but the response is lost (500). */
        LOST_RESPONSE,
        /** Watches are refused (410 Gone): the informer must list again. */
        DROPPED_WATCH,
        /** Every affected request takes 150 ms longer. */
        SLOW
    }

    private final Dispatcher delegate;
    private final String victim;
    private final Fault fault;
    private final double probability;
    private final Random random = new Random(42);
    private final Map<Fault, AtomicInteger> injected = new ConcurrentHashMap<>();
    /** Collections whose last watch was dropped. */
    private final java.util.Set<String> droppedLast = ConcurrentHashMap.newKeySet();

    FaultInjector(Dispatcher delegate, String victim, Fault fault, double probability) {
        this.delegate = delegate;
        this.victim = victim;
        this.fault = fault;
        this.probability = probability;
    }

    int injected() {
        return injected.getOrDefault(fault, new AtomicInteger()).get();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        // Watches open as WebSocket upgrades, which do not carry the client's User-Agent: drop anyone's.
        boolean ours = victim.equals(request.getHeader("User-Agent")) || fault == Fault.DROPPED_WATCH;
        if (!ours || !applies(request) || servedAfterDrop(request) || !roll()) {
            return delegate.dispatch(request);
        }
        injected.computeIfAbsent(fault, f -> new AtomicInteger()).incrementAndGet();
        return switch (fault) {
            case CONFLICT -> status(409, "Conflict", "the object has been modified; please apply your changes to the latest version");
            case SERVER_ERROR -> status(500, "InternalError", "injected server error");
            case THROTTLE -> status(429, "TooManyRequests", "injected throttling").setHeader("Retry-After", "1");
            case LOST_RESPONSE -> {
                delegate.dispatch(request);
                yield status(500, "InternalError", "injected: the write was applied, the response lost");
            }
            case DROPPED_WATCH -> {
                droppedLast.add(collection(request));
                yield status(410, "Expired", "injected: too old resource version");
            }
            case SLOW -> {
                sleep();
                yield delegate.dispatch(request);
            }
        };
    }

    private boolean applies(RecordedRequest request) {
        boolean write = !"GET".equals(request.getMethod());
        boolean watch = request.getPath().contains("watch=true");
        boolean lease = request.getPath().contains("/leases");
        return !lease && switch (fault) {
            case CONFLICT, LOST_RESPONSE -> write;
            case DROPPED_WATCH -> watch;
            case SERVER_ERROR, THROTTLE, SLOW -> !watch;
        };
    }

    /**
     * A watch answered 410 makes the informer list again and watch from that list's fresh resourceVersion, which
     * an API server does not expire at once: after a dropped watch, the next watch of the same collection is
     * served. (Dropping it again and again, as a fixed random sequence can, only waits out JOSDK's cache-sync
     * timeout, which tests nothing of the operator.)
     */
    private boolean servedAfterDrop(RecordedRequest request) {
        return fault == Fault.DROPPED_WATCH && droppedLast.remove(collection(request));
    }

    private static String collection(RecordedRequest request) {
        return request.getPath().split("\\?")[0];
    }

    private synchronized boolean roll() {
        return random.nextDouble() < probability;
    }

    private static MockResponse status(int code, String reason, String message) {
        return new MockResponse().setResponseCode(code).setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
            + "\"code\":" + code + ",\"reason\":\"" + reason + "\",\"message\":\"" + message + "\"}");
    }

    private static void sleep() {
        try {
            Thread.sleep(150);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }
}

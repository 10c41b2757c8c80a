package dev.slipway.testing;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Kills an operator after its k-th write: the API server serves the operator's client (recognised by its
 * User-Agent) normally until k writes went through, then answers every further request with 503, as if the
 * process had died exactly after that write. The test then stops it and starts a fresh operator.
 * <p>
 * Each operator gets an identity of its own ({@link #nextVictim}), and one that died stays dead: its client
 * retries 5xx answers for several seconds, and a retry let through after a restart would be a write from
 * beyond the grave (computed before the crash, arriving after the successor's), which no crashed process makes.
 */
public final class OperatorCrash extends Dispatcher {
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Dispatcher delegate;
    private final Set<String> dead = ConcurrentHashMap.newKeySet();
    private final AtomicInteger incarnations = new AtomicInteger();
    private final AtomicInteger writesLeft = new AtomicInteger();
    private final AtomicInteger writesDone = new AtomicInteger();
    private volatile String victim;

    public OperatorCrash(Dispatcher delegate) {
        this.delegate = delegate;
    }

    /**
     * A User-Agent for the next operator, which dies after {@code writes} writes. Start the operator with
     * it; the previous victim, dead or not, is no longer counted.
     */
    public String nextVictim(int writes) {
        String next = "slipway-operator-incarnation-" + incarnations.incrementAndGet();
        victim = next;
        dieAfter(writes);
        return next;
    }

    /** The current victim dies after {@code writes} more writes; its count starts again at zero. */
    public void dieAfter(int writes) {
        writesLeft.set(writes);
        writesDone.set(0);
    }

    /** Writes the current victim made so far. */
    public int writesDone() {
        return writesDone.get();
    }

    /** Whether the current victim has died. */
    public boolean dead() {
        String current = victim;
        return current != null && dead.contains(current);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String agent = request.getHeader("User-Agent");
        if (agent != null && dead.contains(agent)) {
            return unavailable();
        }
        if (agent != null && agent.equals(victim) && WRITES.contains(request.getMethod())) {
            if (writesLeft.getAndDecrement() <= 0) {
                dead.add(agent);
                return unavailable();
            }
            writesDone.incrementAndGet();
        }
        return delegate.dispatch(request);
    }

    private static MockResponse unavailable() {
        return new MockResponse().setResponseCode(503).setBody("{\"kind\":\"Status\",\"code\":503,\"message\":\"operator crashed\"}");
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }
}

package dev.slipway.testing;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Kills an operator after its k-th write: the API server serves the operator's client (recognised by its
 * User-Agent) normally until k writes went through, then answers every further request with 503, as if the
 * process had died exactly after that write. The test then stops it and starts a fresh operator.
 */
public final class OperatorCrash extends Dispatcher {
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Dispatcher delegate;
    private volatile String victim;
    private final AtomicInteger writesLeft = new AtomicInteger();
    private final AtomicInteger writesDone = new AtomicInteger();
    private volatile boolean dead;

    public OperatorCrash(Dispatcher delegate) {
        this.delegate = delegate;
    }

    /** The operator whose client sends this User-Agent dies after {@code writes} writes. */
    public void arm(String userAgent, int writes) {
        writesLeft.set(writes);
        writesDone.set(0);
        dead = false;
        victim = userAgent;
    }

    public int writesDone() {
        return writesDone.get();
    }

    public boolean dead() {
        return dead;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (victim != null && victim.equals(request.getHeader("User-Agent"))) {
            if (dead) {
                return unavailable();
            }
            if (WRITES.contains(request.getMethod())) {
                if (writesLeft.getAndDecrement() <= 0) {
                    dead = true;
                    return unavailable();
                }
                writesDone.incrementAndGet();
            }
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

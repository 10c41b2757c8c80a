package dev.slipway.reliability;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A replica that pauses between deciding and writing, as a leader does in a long GC pause or on a frozen node: each
 * write of the client with this User-Agent reaches the API server up to {@link #MAX_PAUSE_MS} late (seeded), after
 * the other replica may have acted on the same App. Its decisions are then made on a view that is stale by the time
 * they land, which is what the ledger fence must catch.
 */
final class PausedReplica extends Dispatcher {
    static final String USER_AGENT = "slipway-operator/paused";
    /** Long against a pass (milliseconds here), so that the other replica's passes fit into every pause. */
    static final int MAX_PAUSE_MS = 400;
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Dispatcher delegate;
    private final Random random = new Random(7);
    private final AtomicInteger paused = new AtomicInteger();

    PausedReplica(Dispatcher delegate) {
        this.delegate = delegate;
    }

    int pausedWrites() {
        return paused.get();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (USER_AGENT.equals(request.getHeader("User-Agent")) && WRITES.contains(request.getMethod())
            && !request.getPath().contains("/events")) {
            paused.incrementAndGet();
            int pause;
            synchronized (random) {
                pause = random.nextInt(MAX_PAUSE_MS);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return delegate.dispatch(request);
    }
}

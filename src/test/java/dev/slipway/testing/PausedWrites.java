package dev.slipway.testing;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Replicas that pause between deciding and writing, as a leader does in a long GC pause or on a frozen node: each
 * write of a client whose User-Agent matches reaches the API server up to {@link #MAX_PAUSE_MS} late (seeded),
 * after another replica may have acted on the same App. Its decisions are then made on a view that is stale by the
 * time they land, which is what the ledger fence must catch. Leases and Events are not paused: the replicas keep
 * leading, and the pause is about the App's objects.
 */
public final class PausedWrites extends Dispatcher {
    /** Long against a pass (milliseconds here), so that the other replica's passes fit into a pause. */
    public static final int MAX_PAUSE_MS = 400;
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Dispatcher delegate;
    private final Predicate<String> paused;
    private final Random random = new Random(7);
    private final AtomicInteger count = new AtomicInteger();

    public PausedWrites(Dispatcher delegate, Predicate<String> pausedUserAgent) {
        this.delegate = delegate;
        this.paused = pausedUserAgent;
    }

    public int pausedWrites() {
        return count.get();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String agent = request.getHeader("User-Agent");
        if (agent != null && paused.test(agent) && WRITES.contains(request.getMethod())
            && !request.getPath().contains("/events") && !request.getPath().contains("/leases")) {
            count.incrementAndGet();
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

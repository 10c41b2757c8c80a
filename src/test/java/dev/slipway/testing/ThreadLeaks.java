package dev.slipway.testing;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Fails a test whose operators, clients or API server outlive it. Every test of a suite runs in one JVM, so a
 * thread left running (a reconciler pool, an informer, a client's event loop) keeps working through the tests
 * after it: it takes CPU from them and, if it still talks to an API server, acts like a second operator.
 * Only non-daemon threads count: JOSDK's executors and Vert.x event loops are non-daemon, while JVM-wide
 * helpers (Awaitility's scheduler, timers) are daemons that outlive any one test by design.
 */
public final class ThreadLeaks {
    /**
     * How long stopped components may take to end their threads: Vert.x closes its event loops
     * asynchronously and JOSDK's executors finish the reconcile in progress. Measured here: 1 to 15 ms after
     * the cluster closed (0.6 to 1.2 s while Netty's global executor was waited for); the bound leaves room
     * for a loaded machine.
     */
    public static final Duration GRACE = Duration.ofSeconds(10);

    /** Each wait of a test polls on a thread of its own, ended by Awaitility when the wait is over. */
    private static final String AWAITILITY = "awaitility-thread";

    /**
     * Netty's GlobalEventExecutor: one JVM-wide thread at most, which Netty starts for one-off tasks (here, as a
     * cluster closes) and which ends itself one second (its minimum quiet period) after its last task. Waiting for it cost every
     * cluster of the suite a second; it belongs to no component, cannot multiply, and talks to no API server,
     * while the event loops that would keep giving it tasks are non-daemon threads of their own and still count.
     */
    private static final String NETTY_GLOBAL_EXECUTOR = "globalEventExecutor-";

    private final Set<Thread> before;

    private ThreadLeaks(Set<Thread> before) {
        this.before = before;
    }

    /** The threads alive now; those started later must end before {@link #assertNoneLeft()}. */
    public static ThreadLeaks baseline() {
        return new ThreadLeaks(Set.copyOf(Thread.getAllStackTraces().keySet()));
    }

    public void assertNoneLeft() {
        try {
            // Looked at at once and then often: the threads mostly end within milliseconds, and every cluster waits here.
            Awaitility.await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).atMost(GRACE).until(() -> leftOver().isEmpty());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("threads still running " + GRACE.toSeconds() + " s after the test's cluster was closed "
                + "(a component that was not stopped): " + leftOver().stream().map(Thread::getName).sorted().collect(Collectors.joining(", ")));
        }
    }

    private List<Thread> leftOver() {
        return Thread.getAllStackTraces().entrySet().stream()
            .filter(e -> !mockServerWatchExecutor(e.getKey(), e.getValue()))
            .map(Map.Entry::getKey)
            .filter(t -> t.isAlive() && !t.isDaemon() && !before.contains(t) && !t.getName().startsWith(AWAITILITY)
                && !t.getName().startsWith(NETTY_GLOBAL_EXECUTOR))
            .toList();
    }

    /**
     * The Fabric8 mock server gives every watch a single-thread scheduler of its own (kubernetes-server-mock's
     * WatchEventsListener, unnamed, so "pool-N-thread-1") and shuts it down only when it sees the watch close. A
     * watch whose connection ends with the server (a busy machine, a client closed mid-request) leaves that thread
     * parked for good: a leak of the test double, not of the operator, so it is not counted. Threads of
     * Slipway's own test fixtures are named, and still count.
     */
    private static boolean mockServerWatchExecutor(Thread thread, StackTraceElement[] stack) {
        return thread.getName().startsWith("pool-") && Arrays.stream(stack).anyMatch(frame ->
            frame.getClassName().equals("java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue")
                && frame.getMethodName().equals("take"));
    }
}

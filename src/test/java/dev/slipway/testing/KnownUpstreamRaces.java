package dev.slipway.testing;

import java.util.Arrays;
import org.awaitility.Awaitility;

/**
 * Exceptions that the Java Operator SDK (5.2) throws on its own threads because of a race of its own, which
 * Awaitility would otherwise report as a failure of whatever test happens to be waiting at that moment.
 * <p>
 * The timer race: when a reconcile ends, JOSDK schedules the next one on a TimerEventSource, which first
 * registers the timer task and then schedules it; a delete event for the same resource, delivered on the
 * informer thread, can cancel the registered task in between, and {@code java.util.Timer} then refuses the
 * cancelled task. The release controller watches only unnumbered releases, so every release that gets its
 * version is such a delete for it. The reconcile itself is complete by then (JOSDK has already released the
 * resource), so nothing is lost; in production the exception is logged by the executor thread.
 */
public final class KnownUpstreamRaces {
    private KnownUpstreamRaces() {
    }

    /** Makes every Awaitility wait ignore exactly these exceptions; anything else still fails the test. */
    public static void ignoreInAwaitility() {
        Awaitility.ignoreExceptionsByDefaultMatching(KnownUpstreamRaces::isTimerRescheduleRace);
    }

    static boolean isTimerRescheduleRace(Throwable e) {
        return e instanceof IllegalStateException
            && "Task already scheduled or cancelled".equals(e.getMessage())
            && Arrays.stream(e.getStackTrace()).anyMatch(frame ->
                frame.getClassName().equals("io.javaoperatorsdk.operator.processing.event.source.timer.TimerEventSource")
                    && frame.getMethodName().equals("scheduleOnce"));
    }
}

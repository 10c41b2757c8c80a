package dev.slipway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Timer;
import java.util.TimerTask;
import org.junit.jupiter.api.Test;

/** Only the one JOSDK race is ignored: the same exception from anywhere else still fails a test. */
class KnownUpstreamRacesTest {

    @Test
    void recognisesTheTimerRaceOnlyWhenItComesFromJosdksTimerEventSource() {
        IllegalStateException fromJdk = cancelledTaskScheduled();
        assertThat(KnownUpstreamRaces.isTimerRescheduleRace(fromJdk)).as("not thrown inside TimerEventSource").isFalse();

        IllegalStateException fromJosdk = new IllegalStateException(fromJdk.getMessage());
        fromJosdk.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("java.util.Timer", "sched", "Timer.java", 413),
            new StackTraceElement("io.javaoperatorsdk.operator.processing.event.source.timer.TimerEventSource",
                "scheduleOnce", "TimerEventSource.java", 66)});
        assertThat(KnownUpstreamRaces.isTimerRescheduleRace(fromJosdk)).isTrue();

        IllegalStateException other = new IllegalStateException("something else");
        other.setStackTrace(fromJosdk.getStackTrace());
        assertThat(KnownUpstreamRaces.isTimerRescheduleRace(other)).isFalse();
    }

    /** What java.util.Timer throws for a cancelled task, with its real message. */
    private static IllegalStateException cancelledTaskScheduled() {
        Timer timer = new Timer(true);
        try {
            TimerTask task = new TimerTask() {
                @Override
                public void run() {
                }
            };
            task.cancel();
            timer.schedule(task, 1_000);
            throw new AssertionError("Timer accepted a cancelled task");
        } catch (IllegalStateException e) {
            return e;
        } finally {
            timer.cancel();
        }
    }
}

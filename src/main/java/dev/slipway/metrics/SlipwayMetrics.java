package dev.slipway.metrics;

import dev.slipway.model.Cause;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operator's own metrics. Labels are bounded sets (cause, kind, reason): never an app or release name,
 * so 1,000 apps cost the same series as one.
 */
public class SlipwayMetrics {
    /** Histogram buckets from a quick restart to a rollout hitting the default 10-minute progress deadline. */
    private static final Duration[] ROLLOUT_BUCKETS = {
        Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
        Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofHours(1)};

    /** Why a release becomes Failed: its spec cannot run, or its rollout exceeded the progress deadline. */
    public static final List<String> FAILURE_REASONS = List.of("Invalid", "RolloutFailed");

    /** The kinds whose objects the operator reads, and may fail to read. */
    public static final List<String> READ_KINDS = List.of("App", "Release", "Rollback", "Promotion");

    private final MeterRegistry registry;
    private final Clock clock;
    private final Timer rolloutDuration;
    /** When each release in flight started rolling out, by uid; entries leave when the rollout ends. */
    private final Map<String, Instant> rolloutsInFlight = new ConcurrentHashMap<>();

    public SlipwayMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.rolloutDuration = Timer.builder("slipway.rollout.duration")
            .description("Time from a release starting to roll out until every process is rolled out and available")
            .serviceLevelObjectives(ROLLOUT_BUCKETS)
            .register(registry);
        // Every series exists from the start, at zero: a rate() or an alert on increase() sees the first event.
        for (Cause cause : Cause.values()) {
            releasesCreated(cause);
        }
        rollbacks(false);
        rollbacks(true);
        promotions(false);
        promotions(true);
        for (String reason : FAILURE_REASONS) {
            releaseFailures(reason);
        }
        for (String kind : READ_KINDS) {
            unreadableObjects(kind);
        }
    }

    /** @param kind one of {@link #READ_KINDS} */
    public void unreadable(String kind) {
        unreadableObjects(kind).increment();
    }

    public void releaseCreated(Cause cause) {
        releasesCreated(cause).increment();
    }

    public void rollback(boolean automatic) {
        rollbacks(automatic).increment();
    }

    /** @param inPlace a staged release was promoted as it is; false: copied into a new release */
    public void promotion(boolean inPlace) {
        promotions(inPlace).increment();
    }

    /** @param reason one of {@link #FAILURE_REASONS} */
    public void releaseFailed(String reason) {
        releaseFailures(reason).increment();
    }

    public void rolloutStarted(String releaseUid) {
        rolloutsInFlight.putIfAbsent(releaseUid, Instant.now(clock));
    }

    /** @param completed true when the release became Active; false when the rollout ended otherwise */
    public void rolloutEnded(String releaseUid, boolean completed) {
        Instant started = rolloutsInFlight.remove(releaseUid);
        if (started != null && completed) {
            rolloutDuration.record(Duration.between(started, Instant.now(clock)));
        }
    }

    private Counter rollbacks(boolean automatic) {
        return Counter.builder("slipway.rollbacks")
            .description("Rollback releases created, by kind: manual (a Rollback) or automatic (a failed rollout)")
            .tag("kind", automatic ? "automatic" : "manual")
            .register(registry);
    }

    private Counter promotions(boolean inPlace) {
        return Counter.builder("slipway.promotions")
            .description("Promotions carried out, by kind: in-place (a staged release runs as it is) or copy (a new release)")
            .tag("kind", inPlace ? "in-place" : "copy")
            .register(registry);
    }

    private Counter releaseFailures(String reason) {
        return Counter.builder("slipway.release.failures")
            .description("Releases that became Failed, by reason")
            .tag("reason", reason)
            .register(registry);
    }

    private Counter unreadableObjects(String kind) {
        return Counter.builder("slipway.unreadable.objects")
            .description("Objects the operator could not read into its model (a value beyond its type, a malformed "
                + "quantity), counted once per generation of each; the log and the object's Events name the field")
            .tag("kind", kind)
            .register(registry);
    }

    private Counter releasesCreated(Cause cause) {
        return Counter.builder("slipway.releases.created")
            .description("Releases numbered by the operator, by cause")
            .tag("cause", cause.name())
            .register(registry);
    }
}

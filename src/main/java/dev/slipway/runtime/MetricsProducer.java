package dev.slipway.runtime;

import dev.slipway.metrics.SlipwayMetrics;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Micrometer wiring: Slipway's metrics, and JOSDK's reconcile metrics without per-resource series. Public because the
 * in-process test operator records its metrics through the same two methods.
 */
public class MetricsProducer {

    @Produces
    @Singleton
    public SlipwayMetrics slipwayMetrics(MeterRegistry registry) {
        return new SlipwayMetrics(registry, Clock.systemUTC());
    }

    /** Replaces the extension's default, which adds series per App name: unbounded with thousands of apps. */
    @Produces
    @Singleton
    public Metrics reconcileMetrics(MeterRegistry registry) {
        return MicrometerMetrics.newMicrometerMetricsBuilder(registry).notCollectingMetricsPerResource().build();
    }
}

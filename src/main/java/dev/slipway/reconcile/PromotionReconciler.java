package dev.slipway.reconcile;

import dev.slipway.metrics.SlipwayMetrics;
import dev.slipway.model.Promotion;
import dev.slipway.model.RequestStatus;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/** Refuses Promotions of Apps that do not exist and marks Pending those that wait ({@link RequestTriage}). */
@ControllerConfiguration(name = PromotionReconciler.NAME)
public class PromotionReconciler implements Reconciler<Promotion> {
    public static final String NAME = "promotion";

    private final RequestTriage<Promotion, RequestStatus> triage;

    @Inject
    public PromotionReconciler(SlipwayMetrics metrics) {
        this(Clock.systemUTC(), metrics);
    }

    public PromotionReconciler(Clock clock, SlipwayMetrics metrics) {
        this.triage = new RequestTriage<>(Promotion.class, "promote", RequestStatus::new, clock, metrics);
    }

    @Override
    public UpdateControl<Promotion> reconcile(Promotion promotion, Context<Promotion> context) {
        return triage.reconcile(promotion, context);
    }

    @Override
    public List<EventSource<?, Promotion>> prepareEventSources(EventSourceContext<Promotion> context) {
        return triage.prepareEventSources(context);
    }
}

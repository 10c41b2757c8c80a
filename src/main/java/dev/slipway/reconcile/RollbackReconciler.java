package dev.slipway.reconcile;

import dev.slipway.metrics.SlipwayMetrics;
import dev.slipway.model.Rollback;
import dev.slipway.model.RollbackStatus;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/** Refuses Rollbacks of Apps that do not exist and marks Pending those that wait ({@link RequestTriage}). */
@ControllerConfiguration(name = RollbackReconciler.NAME)
public class RollbackReconciler implements Reconciler<Rollback> {
    public static final String NAME = "rollback";

    private final RequestTriage<Rollback, RollbackStatus> triage;

    @Inject
    public RollbackReconciler(SlipwayMetrics metrics) {
        this(Clock.systemUTC(), metrics);
    }

    public RollbackReconciler(Clock clock, SlipwayMetrics metrics) {
        this.triage = new RequestTriage<>(Rollback.class, "roll back", RollbackStatus::new, clock, metrics);
    }

    @Override
    public UpdateControl<Rollback> reconcile(Rollback rollback, Context<Rollback> context) {
        return triage.reconcile(rollback, context);
    }

    @Override
    public List<EventSource<?, Rollback>> prepareEventSources(EventSourceContext<Rollback> context) {
        return triage.prepareEventSources(context);
    }
}

package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.Rollback;
import dev.slipway.model.RollbackPhase;
import dev.slipway.model.RollbackStatus;
import dev.slipway.status.Conditions;
import dev.slipway.status.Health;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.retry.GradualRetry;
import java.time.Clock;

/**
 * Refuses Rollbacks nobody else can handle: those for an App that does not exist. Rollbacks of existing
 * Apps are carried out by {@link AppReconciler}; both write with optimistic locking, so they never overwrite
 * each other's result.
 */
@ControllerConfiguration(name = RollbackReconciler.NAME)
@GradualRetry(maxAttempts = -1, initialInterval = 200, intervalMultiplier = 2, maxInterval = 30_000)
public class RollbackReconciler implements Reconciler<Rollback> {
    public static final String NAME = "rollback";

    private final Clock clock;
    private EventRecorder events;

    public RollbackReconciler() {
        this(Clock.systemUTC());
    }

    public RollbackReconciler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public UpdateControl<Rollback> reconcile(Rollback rollback, Context<Rollback> context) {
        boolean finished = rollback.getStatus() != null && rollback.getStatus().getPhase() != null
            && rollback.getStatus().getPhase() != RollbackPhase.Pending;
        if (finished) {
            return UpdateControl.noUpdate();
        }
        String namespace = rollback.getMetadata().getNamespace();
        String app = rollback.getSpec() == null ? null : rollback.getSpec().getApp();
        String refusal;
        if (app == null || app.isBlank()) {
            refusal = "spec.app is missing: name the App to roll back";
        } else if (context.getClient().resources(App.class).inNamespace(namespace).withName(app).get() == null) {
            refusal = "App " + app + " does not exist in namespace " + namespace;
        } else {
            return UpdateControl.noUpdate();
        }
        RollbackStatus status = RollbackRequests.status(rollback, RollbackPhase.Failed, refusal,
            Health.stalled("Refused", refusal), new Conditions(clock));
        Rollback copy = Snapshots.copy(rollback);
        copy.setStatus(status);
        context.getClient().resource(copy).updateStatus();
        eventsFor(context).warning(rollback, "Refused", refusal);
        return UpdateControl.noUpdate();
    }

    /** One recorder for the life of this controller; its client is the operator's, the same on every call. */
    private synchronized EventRecorder eventsFor(Context<Rollback> context) {
        if (events == null) {
            events = new EventRecorder(context.getClient(), clock);
        }
        return events;
    }
}

package dev.slipway.reconcile;

import dev.slipway.metrics.SlipwayMetrics;
import dev.slipway.model.App;
import dev.slipway.model.Rollback;
import dev.slipway.model.RollbackPhase;
import dev.slipway.model.RollbackStatus;
import dev.slipway.status.Conditions;
import dev.slipway.status.Health;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.net.HttpURLConnection;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses Rollbacks nobody else can handle: those for an App that does not exist, and marks Pending those that
 * wait. Rollbacks of existing Apps are carried out by {@link AppReconciler}; both write with optimistic locking,
 * so they never overwrite each other's result.
 * <p>
 * Apps come from this controller's own App informer, so a pass costs no API request. The cache can lag behind an
 * App created just before its Rollback, so an App missing from it is confirmed with one read before the Rollback
 * is refused: a refusal is final.
 */
@ControllerConfiguration(name = RollbackReconciler.NAME)
public class RollbackReconciler implements Reconciler<Rollback> {
    public static final String NAME = "rollback";
    /** Longer than the App reconciler takes to carry out a Rollback at the head of its queue, even under load. */
    static final Duration PENDING_AFTER = Duration.ofSeconds(5);

    private final Clock clock;
    private final SlipwayMetrics metrics;
    private EventRecorder events;
    private UnreadableObjects unreadable;

    @Inject
    public RollbackReconciler(SlipwayMetrics metrics) {
        this(Clock.systemUTC(), metrics);
    }

    public RollbackReconciler(Clock clock, SlipwayMetrics metrics) {
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public UpdateControl<Rollback> reconcile(Rollback rollback, Context<Rollback> context) {
        if (!unreadableFor(context).check(rollback)) {
            // Refused like any Rollback that cannot be carried out; one whose result could not be read stays as it is.
            if (rollback.isStatusReadable() && (rollback.getStatus() == null || rollback.getStatus().getPhase() == null
                || rollback.getStatus().getPhase() == RollbackPhase.Pending)) {
                refuse(rollback, UnreadableObjects.message(rollback), context);
            }
            return UpdateControl.noUpdate();
        }
        if (finished(rollback)) {
            return UpdateControl.noUpdate();
        }
        String namespace = rollback.getMetadata().getNamespace();
        String app = appOf(rollback);
        String refusal;
        if (app == null || app.isBlank()) {
            refusal = "spec.app is missing: name the App to roll back";
        } else if (!exists(app, rollback, context)) {
            refusal = "App " + app + " does not exist in namespace " + namespace;
        } else {
            return waiting(rollback, app, context);
        }
        refuse(rollback, refusal, context);
        eventsFor(context).warning(rollback, "Refused", refusal);
        return UpdateControl.noUpdate();
    }

    @Override
    public List<EventSource<?, Rollback>> prepareEventSources(EventSourceContext<Rollback> context) {
        // Only whether the App exists matters here: its creation and deletion re-decide the Rollbacks still open for it;
        // its updates (status writes, mostly) change nothing for them and are not delivered.
        var apps = new InformerEventSource<>(InformerEventSourceConfiguration.from(App.class, Rollback.class)
            .withName("apps")
            .withItemStore(LeanCache.store())
            .withOnUpdateFilter((App newer, App older) -> false)
            .withPrimaryToSecondaryMapper((Rollback r) -> appOf(r) == null ? Set.of()
                : Set.of(new ResourceID(appOf(r), r.getMetadata().getNamespace())))
            .withSecondaryToPrimaryMapper((App a) -> context.getPrimaryCache()
                .list(a.getMetadata().getNamespace(), r -> !finished(r) && a.getMetadata().getName().equals(appOf(r)))
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet()))
            .build(), context);
        return List.of(apps);
    }

    private static String appOf(Rollback rollback) {
        return rollback.getSpec() == null ? null : rollback.getSpec().getApp();
    }

    /** Carried out or refused: nothing about it changes any more. */
    private static boolean finished(Rollback rollback) {
        return rollback.getStatus() != null && rollback.getStatus().getPhase() != null
            && rollback.getStatus().getPhase() != RollbackPhase.Pending;
    }

    /** From the cache; an App missing there is read once, since the refusal that follows cannot be taken back. */
    private static boolean exists(String app, Rollback rollback, Context<Rollback> context) {
        return context.getSecondaryResource(App.class).isPresent() || context.getClient().resources(App.class)
            .inNamespace(rollback.getMetadata().getNamespace()).withName(app).get() != null;
    }

    private void refuse(Rollback rollback, String refusal, Context<Rollback> context) {
        RollbackStatus status = RollbackRequests.status(rollback, RollbackPhase.Failed, refusal,
            Health.stalled("Refused", refusal), new Conditions(clock));
        Rollback copy = Snapshots.copy(rollback);
        copy.setStatus(status);
        context.getClient().resource(copy).updateStatus();
    }

    /**
     * A Rollback of an existing App is the App reconciler's, which carries it out within a reconcile or two, unless
     * other Rollbacks of the App are ahead of it. One that still has no phase after {@link #PENDING_AFTER} is
     * marked Pending, so that {@code kubectl get rollbacks} says it waits; marking every new Rollback Pending at
     * once would race with the App reconciler writing its result, for no information.
     */
    private UpdateControl<Rollback> waiting(Rollback rollback, String app, Context<Rollback> context) {
        if (rollback.getStatus() != null && rollback.getStatus().getPhase() != null) {
            return UpdateControl.noUpdate();
        }
        Duration age = age(rollback);
        if (age.compareTo(PENDING_AFTER) < 0) {
            return UpdateControl.<Rollback>noUpdate().rescheduleAfter(PENDING_AFTER.minus(age));
        }
        String message = "Waiting for App " + app + " to carry it out";
        RollbackStatus status = RollbackRequests.status(rollback, RollbackPhase.Pending, message,
            Health.inProgress("Waiting", message), new Conditions(clock));
        Rollback copy = Snapshots.copy(rollback);
        copy.setStatus(status);
        try {
            context.getClient().resource(copy).updateStatus();
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
            // The App reconciler wrote its result meanwhile; that status is the newer one.
        }
        return UpdateControl.noUpdate();
    }

    /** Since creation by the API server's clock; unknown or in the future (clock skew) counts as just created. */
    private Duration age(Rollback rollback) {
        String created = rollback.getMetadata().getCreationTimestamp();
        if (created == null) {
            return Duration.ZERO;
        }
        Duration age = Duration.between(Instant.parse(created), clock.instant());
        return age.isNegative() ? Duration.ZERO : age;
    }

    /** One recorder for the life of this controller; its client is the operator's, the same on every call. */
    private synchronized EventRecorder eventsFor(Context<Rollback> context) {
        if (events == null) {
            events = new EventRecorder(context.getClient(), clock);
        }
        return events;
    }

    private synchronized UnreadableObjects unreadableFor(Context<Rollback> context) {
        if (unreadable == null) {
            unreadable = new UnreadableObjects(eventsFor(context), metrics);
        }
        return unreadable;
    }
}

package dev.slipway.reconcile;

import dev.slipway.metrics.SlipwayMetrics;
import dev.slipway.model.App;
import dev.slipway.model.OneShot;
import dev.slipway.model.RequestPhase;
import dev.slipway.model.RequestStatus;
import dev.slipway.status.Conditions;
import dev.slipway.status.Health;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Refuses one-shot requests (Rollbacks, Promotions) nobody else can handle: those for an App that does not exist, and
 * marks Pending those that wait. Requests for existing Apps are carried out by {@link AppReconciler}; both write with
 * optimistic locking, so they never overwrite each other's result.
 * <p>
 * Apps come from the controller's own App informer, so a pass costs no API request. The cache can lag behind an
 * App created just before its request, so an App missing from it is confirmed with one read before the request
 * is refused: a refusal is final.
 */
final class RequestTriage<R extends OneShot<S>, S extends RequestStatus> {
    /** Longer than the App reconciler takes to carry out a request at the head of its queue, even under load. */
    static final Duration PENDING_AFTER = Duration.ofSeconds(5);

    private final Class<R> kind;
    private final String verb;
    private final Supplier<S> newStatus;
    private final Clock clock;
    private final SlipwayMetrics metrics;
    private EventRecorder events;
    private UnreadableObjects unreadable;

    /** @param verb what the request does to its App, for messages: "roll back", "promote" */
    RequestTriage(Class<R> kind, String verb, Supplier<S> newStatus, Clock clock, SlipwayMetrics metrics) {
        this.kind = kind;
        this.verb = verb;
        this.newStatus = newStatus;
        this.clock = clock;
        this.metrics = metrics;
    }

    UpdateControl<R> reconcile(R request, Context<R> context) {
        if (!unreadableFor(context).check(request)) {
            // Refused like any request that cannot be carried out; one whose result could not be read stays as it is.
            if (request.isStatusReadable() && !request.finished()) {
                write(request, RequestPhase.Failed, UnreadableObjects.message(request), context);
            }
            return UpdateControl.noUpdate();
        }
        if (request.finished()) {
            return UpdateControl.noUpdate();
        }
        String app = request.targetApp();
        String refusal;
        if (app == null || app.isBlank()) {
            refusal = "spec.app is missing: name the App to " + verb;
        } else if (!exists(app, request, context)) {
            refusal = "App " + app + " does not exist in namespace " + request.getMetadata().getNamespace();
        } else {
            return waiting(request, app, context);
        }
        write(request, RequestPhase.Failed, refusal, context);
        eventsFor(context).warning(request, "Refused", refusal);
        return UpdateControl.noUpdate();
    }

    List<EventSource<?, R>> prepareEventSources(EventSourceContext<R> context) {
        // Only whether the App exists matters here: its creation and deletion re-decide the requests still open for it;
        // its updates (status writes, mostly) change nothing for them and are not delivered.
        var apps = new InformerEventSource<>(InformerEventSourceConfiguration.from(App.class, kind)
            .withName("apps")
            .withItemStore(LeanCache.store())
            .withOnUpdateFilter((App newer, App older) -> false)
            .withPrimaryToSecondaryMapper((R r) -> r.targetApp() == null ? Set.of()
                : Set.of(new ResourceID(r.targetApp(), r.getMetadata().getNamespace())))
            .withSecondaryToPrimaryMapper((App a) -> context.getPrimaryCache()
                .list(a.getMetadata().getNamespace(), r -> !r.finished() && a.getMetadata().getName().equals(r.targetApp()))
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet()))
            .build(), context);
        return List.of(apps);
    }

    /** From the cache; an App missing there is read once, since the refusal that follows cannot be taken back. */
    private boolean exists(String app, R request, Context<R> context) {
        return context.getSecondaryResource(App.class).isPresent() || context.getClient().resources(App.class)
            .inNamespace(request.getMetadata().getNamespace()).withName(app).get() != null;
    }

    /**
     * A request of an existing App is the App reconciler's, which carries it out within a reconcile or two, unless
     * other requests of the App are ahead of it. One that still has no phase after {@link #PENDING_AFTER} is marked
     * Pending, so that {@code kubectl get} says it waits; marking every new request Pending at once would race with
     * the App reconciler writing its result, for no information.
     */
    private UpdateControl<R> waiting(R request, String app, Context<R> context) {
        if (request.phase() != null) {
            return UpdateControl.noUpdate();
        }
        Duration age = age(request);
        if (age.compareTo(PENDING_AFTER) < 0) {
            return UpdateControl.<R>noUpdate().rescheduleAfter(PENDING_AFTER.minus(age));
        }
        try {
            write(request, RequestPhase.Pending, "Waiting for App " + app + " to carry it out", context);
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
            // The App reconciler wrote its result meanwhile; that status is the newer one.
        }
        return UpdateControl.noUpdate();
    }

    private void write(R request, RequestPhase phase, String message, Context<R> context) {
        Health health = phase == RequestPhase.Pending ? Health.inProgress("Waiting", message) : Health.stalled("Refused", message);
        S status = OneShotRequests.status(request, newStatus.get(), phase, message, health, new Conditions(clock));
        R copy = Snapshots.copy(request);
        copy.setStatus(status);
        context.getClient().resource(copy).updateStatus();
    }

    /** Since creation by the API server's clock; unknown or in the future (clock skew) counts as just created. */
    private Duration age(R request) {
        String created = request.getMetadata().getCreationTimestamp();
        if (created == null) {
            return Duration.ZERO;
        }
        Duration age = Duration.between(Instant.parse(created), clock.instant());
        return age.isNegative() ? Duration.ZERO : age;
    }

    /** One recorder for the life of the controller; its client is the operator's, the same on every call. */
    private synchronized EventRecorder eventsFor(Context<R> context) {
        if (events == null) {
            events = new EventRecorder(context.getClient(), clock);
        }
        return events;
    }

    private synchronized UnreadableObjects unreadableFor(Context<R> context) {
        if (unreadable == null) {
            unreadable = new UnreadableObjects(eventsFor(context), metrics);
        }
        return unreadable;
    }
}

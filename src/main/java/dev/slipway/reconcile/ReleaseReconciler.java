package dev.slipway.reconcile;

import dev.slipway.metrics.SlipwayMetrics;
import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.ReleaseStatus;
import dev.slipway.release.Releases;
import dev.slipway.status.Conditions;
import dev.slipway.status.Health;
import dev.slipway.validation.ReleaseValidator;
import io.fabric8.kubernetes.api.model.Condition;
import dev.slipway.model.Slipway;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Explains releases nobody else looks at: those whose App does not exist (yet). Everything else about a
 * release is written by {@link AppReconciler}. Writes use optimistic locking, so a Pending status computed
 * just before the App appeared can never overwrite the numbered status the App reconciler wrote.
 * <p>
 * It watches only releases without a version label: numbered ones are the App reconciler's, whose informer
 * already caches them, so with thousands of releases this controller holds just the few waiting ones. Apps
 * come from a cache too, so looking at a new release costs no API request.
 */
@ControllerConfiguration(name = ReleaseReconciler.NAME,
    informer = @Informer(labelSelector = "!" + Slipway.LABEL_VERSION))
public class ReleaseReconciler implements Reconciler<Release> {
    public static final String NAME = "release";

    private final Clock clock;
    private final Conditions conditions;
    private final SlipwayMetrics metrics;
    private UnreadableObjects unreadable;

    @Inject
    public ReleaseReconciler(SlipwayMetrics metrics) {
        this(Clock.systemUTC(), metrics);
    }

    public ReleaseReconciler(Clock clock, SlipwayMetrics metrics) {
        this.clock = clock;
        this.conditions = new Conditions(clock);
        this.metrics = metrics;
    }

    @Override
    public UpdateControl<Release> reconcile(Release release, Context<Release> context) {
        if (!unreadableFor(context).check(release)) {
            if (release.isStatusReadable() && !Releases.isNumbered(release)) {
                write(release, Health.stalled(UnreadableObjects.REASON, UnreadableObjects.message(release)), context);
            }
            return UpdateControl.noUpdate();
        }
        if (Releases.isNumbered(release)) {
            return UpdateControl.noUpdate();
        }
        Health health = pending(release, context);
        if (health != null) {
            write(release, health, context);
        }
        return UpdateControl.noUpdate();
    }

    /** A Pending status saying why the release waits, written when it differs from the stored one. */
    private void write(Release release, Health health, Context<Release> context) {
        ReleaseStatus status = new ReleaseStatus();
        status.setObservedGeneration(release.getMetadata().getGeneration());
        status.setPhase(ReleasePhase.Pending);
        status.setMessage(health.message());
        List<Condition> previous =
            release.getStatus() == null ? null : release.getStatus().getConditions();
        status.setConditions(conditions.of(health, release.getMetadata().getGeneration(), previous));
        if (release.getStatus() != null
            && status.equals(release.getStatus())) {
            return;
        }
        Release copy = Snapshots.copy(release);
        copy.setStatus(status);
        context.getClient().resource(copy).updateStatus();
    }

    private synchronized UnreadableObjects unreadableFor(Context<Release> context) {
        if (unreadable == null) {
            unreadable = new UnreadableObjects(new EventRecorder(context.getClient(), clock), metrics);
        }
        return unreadable;
    }

    @Override
    public List<EventSource<?, Release>> prepareEventSources(EventSourceContext<Release> context) {
        // An App that appears (or goes) changes what its unnumbered releases should say.
        var apps = new InformerEventSource<>(InformerEventSourceConfiguration.from(App.class, Release.class)
            .withName("apps")
            .withItemStore(LeanCache.store())
            .withPrimaryToSecondaryMapper((Release r) -> r.getSpec() == null || r.getSpec().getApp() == null ? Set.of()
                : Set.of(new ResourceID(r.getSpec().getApp(), r.getMetadata().getNamespace())))
            .withSecondaryToPrimaryMapper((App a) -> context.getPrimaryCache()
                .list(a.getMetadata().getNamespace(), r -> r.getSpec() != null && a.getMetadata().getName().equals(r.getSpec().getApp()))
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet()))
            .build(), context);
        return List.of(apps);
    }

    /** Why the release waits, or null when its App exists and the App reconciler takes it from here. */
    private static Health pending(Release release, Context<Release> context) {
        String app = release.getSpec() == null ? null : release.getSpec().getApp();
        if (app == null || app.isBlank()) {
            return Health.stalled("Invalid", String.join("; ", ReleaseValidator.problems(release)));
        }
        if (context.getSecondaryResource(App.class).isPresent()) {
            return null;
        }
        return Health.inProgress("AppNotFound", "App " + app + " does not exist in namespace "
            + release.getMetadata().getNamespace() + "; the release is numbered as soon as it is created");
    }
}

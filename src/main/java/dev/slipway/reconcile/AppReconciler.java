package dev.slipway.reconcile;

import dev.slipway.metrics.SlipwayMetrics;
import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.status.Health;
import dev.slipway.workload.Workloads;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The single writer for everything inside one App: it numbers the App's new releases, makes the releases
 * rollbacks, promotions and config changes ask for, runs the selected release as Deployments, prunes old releases, and
 * keeps every status current. JOSDK never runs two reconciles of one App at once, which is what makes
 * numbering and exactly-once release creation race-free.
 * <p>
 * A pass is planned, then applied, in three phases (docs/design-decisions.md, "The App pass"): each plan is a pure
 * function of what the caches hold and of what the phase before it stored, and {@link PassExecutor} alone writes.
 */
@ControllerConfiguration(name = AppReconciler.NAME)
public class AppReconciler implements Reconciler<App> {
    public static final String NAME = "app";

    private final Clock clock;
    private final SlipwayMetrics metrics;
    private final VersionMemo memo = new VersionMemo();
    private AppViews views;
    private PassExecutor executor;
    private EnvSources envSources;

    @Inject
    public AppReconciler(SlipwayMetrics metrics) {
        this(Clock.systemUTC(), metrics);
    }

    public AppReconciler(Clock clock, SlipwayMetrics metrics) {
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public List<EventSource<?, App>> prepareEventSources(EventSourceContext<App> context) {
        var caches = AppEventSources.of(context);
        var client = context.getClient();
        var events = new EventRecorder(client, clock);
        var ledgers = new Ledgers(client, caches.ledgers());
        var workloads = new Workloads(client, caches.deployments(), caches.services());
        views = new AppViews(client, caches.rollbacks(), caches.promotions(), ledgers, workloads, memo, clock);
        envSources = new EnvSources(clock);
        executor = new PassExecutor(client, new ReleaseStore(client, caches.releases()),
            new ReleaseCreator(client, caches.releases(), ledgers), ledgers, workloads, caches.rollbacks(), caches.promotions(), memo,
            new UnreadableObjects(events, metrics), new Notices(events, metrics), new EnvSnapshotStore(client, envSources));
        return caches.all();
    }

    @Override
    public UpdateControl<App> reconcile(App app, Context<App> context) {
        LogContext.enterApp(app.getMetadata().getNamespace(), app.getMetadata().getName());
        try {
            AppView view = views.of(app, context);
            executor.reportUnreadable(view);
            Optional<Health> undecidable = ClaimPlanner.undecidable(view);
            if (undecidable.isPresent()) {
                executor.record(RecordPlanner.stalled(view, undecidable.get()), app, view.ledger(), context);
                return UpdateControl.noUpdate();
            }
            EnvView env = envSources.view(app, view.releases(), context);
            ClaimPlan claim = ClaimPlanner.plan(view, env);
            ClaimPlan.Outcome claimed = executor.claim(claim);
            SnapshotPlan.Outcome snapshotted = executor.snapshot(SnapshotPlanner.plan(claim, claimed, env), context);
            DeployPlan deploy = DeployPlanner.plan(claim, claimed, snapshotted);
            DeployPlan.Outcome deployed = executor.deploy(deploy);
            RecordPlan record = RecordPlanner.plan(deploy, deployed);
            executor.record(record, app, claimed.ledger(), context);
            if (record.lookAgain()) {
                return UpdateControl.<App>noUpdate().rescheduleAfter(Duration.ZERO);
            }
            // Env sources that changed a moment ago are looked at again once the burst is over (EnvRotations).
            return env.settled() ? UpdateControl.noUpdate() : UpdateControl.<App>noUpdate().rescheduleAfter(env.settlesIn());
        } catch (RuntimeException failure) {
            throw ScrubbedFailure.of(failure, configValuesHidden(app, context));
        } finally {
            LogContext.leaveApp();
        }
    }

    /** Replaces the config values of the App and its cached releases, as its conditions do ({@link ReconcileErrors#hide}). */
    private UnaryOperator<String> configValuesHidden(App app, Context<App> context) {
        List<Release> releases = cachedReleases(app, context);
        return message -> ReconcileErrors.hide(message, configOf(app), releases);
    }

    /** The App's releases as the caches hold them, or none when even that fails (the App's own values are still hidden). */
    private List<Release> cachedReleases(App app, Context<App> context) {
        try {
            return views.cached(app, context).releases();
        } catch (RuntimeException releasesUnknown) {
            return List.of();
        }
    }

    private static Map<String, String> configOf(App app) {
        return app.getSpec() == null ? null : app.getSpec().getConfig();
    }

    /**
     * A pass that failed: the App's conditions say so (a conflict excepted, see {@link ReconcileErrors}), and JOSDK retries
     * it with backoff and logs the error. The status is written as every pass writes it (only when it changed, keeping
     * what it said about versions and workloads, into the cache), not by JOSDK's patchStatus, a JSON patch computed
     * against the App as the failed pass began.
     */
    @Override
    public ErrorStatusUpdateControl<App> updateErrorStatus(App app, Context<App> context, Exception error) {
        int failures = context.getRetryInfo().map(RetryInfo::getAttemptCount).orElse(0) + 1;
        LogContext.enterApp(app.getMetadata().getNamespace(), app.getMetadata().getName());
        try {
            AppView view = views.cached(app, context);
            ReconcileErrors.health(ScrubbedFailure.original(error), failures, configOf(app), view.releases())
                .ifPresent(health -> executor.record(RecordPlanner.stalled(view, health), app, view.ledger(), context));
        } catch (RuntimeException statusNotWritten) {
            error.addSuppressed(ScrubbedFailure.of(statusNotWritten, configValuesHidden(app, context)));
        } finally {
            LogContext.leaveApp();
        }
        return ErrorStatusUpdateControl.noStatusUpdate();
    }
}

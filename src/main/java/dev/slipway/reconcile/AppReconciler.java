package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.Slipway;
import dev.slipway.release.ReleasePlanner;
import dev.slipway.release.Releases;
import dev.slipway.release.Selection;
import dev.slipway.release.TargetSelection;
import dev.slipway.rollout.DeploymentRollout;
import dev.slipway.rollout.Rollout;
import dev.slipway.status.Conditions;
import dev.slipway.status.Health;
import dev.slipway.validation.AppValidator;
import dev.slipway.workload.Workloads;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import io.javaoperatorsdk.operator.processing.retry.GradualRetry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The single writer for everything inside one App: it numbers the App's new releases, runs the selected
 * release as Deployments, and keeps every release's phase and the App's status current. JOSDK never runs
 * two reconciles of one App at once, which is what makes numbering race-free.
 */
@ControllerConfiguration(name = AppReconciler.NAME)
@GradualRetry(maxAttempts = -1, initialInterval = 200, intervalMultiplier = 2, maxInterval = 30_000)
public class AppReconciler implements Reconciler<App> {
    public static final String NAME = "app";
    private static final String MANAGED_SELECTOR = Slipway.LABEL_MANAGED_BY + "=" + Slipway.MANAGED_BY;

    private final Clock clock;
    private final VersionMemo memo = new VersionMemo();
    private InformerEventSource<Release, App> releases;
    private Numbering numbering;
    private Workloads workloads;
    private ReleaseStatuses releaseStatuses;
    private AppStatuses appStatuses;

    public AppReconciler() {
        this(Clock.systemUTC());
    }

    public AppReconciler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<EventSource<?, App>> prepareEventSources(EventSourceContext<App> context) {
        releases = new InformerEventSource<>(InformerEventSourceConfiguration.from(Release.class, App.class)
            .withName("releases")
            .withSecondaryToPrimaryMapper((Release r) -> r.getSpec() == null || r.getSpec().getApp() == null
                ? Set.of()
                : Set.of(new ResourceID(r.getSpec().getApp(), r.getMetadata().getNamespace())))
            .build(), context);
        var deployments = new InformerEventSource<>(InformerEventSourceConfiguration.from(Deployment.class, App.class)
            .withName("deployments")
            .withLabelSelector(MANAGED_SELECTOR)
            .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(App.class))
            .build(), context);
        var services = new InformerEventSource<>(InformerEventSourceConfiguration.from(Service.class, App.class)
            .withName("services")
            .withLabelSelector(MANAGED_SELECTOR)
            .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(App.class))
            .build(), context);
        var client = context.getClient();
        var conditions = new Conditions(clock);
        var events = new EventRecorder(client, clock);
        var store = new ReleaseStore(client, releases);
        numbering = new Numbering(store, memo);
        workloads = new Workloads(client, deployments, services);
        releaseStatuses = new ReleaseStatuses(store, conditions, events);
        appStatuses = new AppStatuses(conditions, events);
        return List.of(releases, deployments, services);
    }

    @Override
    public UpdateControl<App> reconcile(App app, Context<App> context) {
        String name = app.getMetadata().getName();
        List<Release> ofApp = context.getSecondaryResources(Release.class).stream()
            .filter(r -> r.getSpec() != null && name.equals(r.getSpec().getApp()))
            .toList();
        List<Release> numbered = new ArrayList<>(ofApp.stream().filter(Releases::isNumbered).sorted(Releases.BY_VERSION).toList());
        List<Release> unnumbered = ofApp.stream().filter(r -> !Releases.isNumbered(r)).sorted(Releases.CREATION_ORDER).toList();

        long highWater = numbering.highWater(app, numbered);
        Release running = numbered.stream()
            .filter(r -> Releases.phase(r) == ReleasePhase.Active || Releases.phase(r) == ReleasePhase.Deploying)
            .max(Releases.BY_VERSION).orElse(null);
        List<Release> fresh = numbering.number(app, unnumbered, highWater, running);
        numbered.addAll(fresh);
        Set<String> newlyNumbered = fresh.stream().map(r -> r.getMetadata().getName()).collect(Collectors.toSet());
        long latestVersion = highWater + fresh.size();

        Map<String, String> invalid = InvalidReleases.of(numbered);
        List<String> problems = AppValidator.problems(app);
        var active = app.getStatus() == null ? null : app.getStatus().getActiveRelease();
        Selection selection = TargetSelection.select(app, numbered, invalid.keySet(), active);

        Workloads.Owned owned = workloads.owned(app);
        Map<String, Deployment> deployments = owned.deployments();
        List<String> conflicts = List.of();
        Rollout rollout = null;
        if (problems.isEmpty() && selection.target() != null) {
            var applied = workloads.apply(app, selection.target(), owned);
            deployments = applied.deployments();
            conflicts = applied.conflicts();
            rollout = DeploymentRollout.of(deployments, Releases.version(selection.target()));
        }

        String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        var planner = new ReleasePlanner(selection, rollout, invalid, now);
        List<Release> stored = releaseStatuses.write(app, numbered, newlyNumbered, planner, numbering);
        Release target = selection.target() == null ? null : stored.stream()
            .filter(r -> r.getMetadata().getName().equals(selection.target().getMetadata().getName()))
            .findFirst().orElse(null);
        Health health = AppHealth.of(app, problems, conflicts, selection, target, stored, active);
        appStatuses.write(app, context, health, latestVersion, stored, deployments);
        return UpdateControl.noUpdate();
    }
}

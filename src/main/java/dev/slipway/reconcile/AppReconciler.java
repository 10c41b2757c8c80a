package dev.slipway.reconcile;

import dev.slipway.metrics.SlipwayMetrics;
import dev.slipway.model.App;
import dev.slipway.model.AppStatus;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.ReleaseRef;
import dev.slipway.model.Rollback;
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
import dev.slipway.workload.WorkloadChanges;
import dev.slipway.workload.Workloads;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
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
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The single writer for everything inside one App: it numbers the App's new releases, makes the releases
 * rollbacks and config changes ask for, runs the selected release as Deployments, prunes old releases, and
 * keeps every status current. JOSDK never runs two reconciles of one App at once, which is what makes
 * numbering and exactly-once release creation race-free.
 */
@ControllerConfiguration(name = AppReconciler.NAME)
public class AppReconciler implements Reconciler<App> {
    public static final String NAME = "app";
    private static final String MANAGED_SELECTOR = Slipway.LABEL_MANAGED_BY + "=" + Slipway.MANAGED_BY;

    private final Clock clock;
    private final SlipwayMetrics metrics;
    private final VersionMemo memo = new VersionMemo();
    private Numbering numbering;
    private ReleaseRequests requests;
    private Workloads workloads;
    private ReleaseStatuses releaseStatuses;
    private Pruner pruner;
    private AppStatuses appStatuses;
    private UnreadableObjects unreadable;
    private ReusedNames reusedNames;
    private Ledgers ledgers;

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
        var releases = new InformerEventSource<>(InformerEventSourceConfiguration.from(Release.class, App.class)
            .withName("releases")
            .withItemStore(LeanCache.store())
            .withSecondaryToPrimaryMapper((Release r) -> appOf(Releases.app(r), r))
            .build(), context);
        var rollbacks = new InformerEventSource<>(InformerEventSourceConfiguration.from(Rollback.class, App.class)
            .withName("rollbacks")
            .withItemStore(LeanCache.store())
            .withSecondaryToPrimaryMapper((Rollback r) -> appOf(r.getSpec() == null ? null : r.getSpec().getApp(), r))
            .build(), context);
        var deployments = new InformerEventSource<>(InformerEventSourceConfiguration.from(Deployment.class, App.class)
            .withName("deployments")
            .withItemStore(LeanCache.store())
            .withLabelSelector(MANAGED_SELECTOR)
            .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(App.class))
            .build(), context);
        var ledgers = new InformerEventSource<>(InformerEventSourceConfiguration.from(ConfigMap.class, App.class)
            .withName("ledgers")
            .withItemStore(LeanCache.store())
            .withLabelSelector(Ledgers.LABEL)
            .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(App.class))
            .build(), context);
        var services = new InformerEventSource<>(InformerEventSourceConfiguration.from(Service.class, App.class)
            .withName("services")
            .withItemStore(LeanCache.store())
            .withLabelSelector(MANAGED_SELECTOR)
            .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(App.class))
            .build(), context);
        var client = context.getClient();
        var conditions = new Conditions(clock);
        var events = new EventRecorder(client, clock);
        var creator = new ReleaseCreator(client, releases);
        numbering = new Numbering(new ReleaseStore(client, releases), memo);
        requests = new ReleaseRequests(new RollbackRequests(client, rollbacks, creator, conditions, events, metrics),
            new AutoRollbacks(creator, events, metrics), new ConfigReleases(creator));
        workloads = new Workloads(client, deployments, services);
        releaseStatuses = new ReleaseStatuses(new ReleaseStore(client, releases), conditions, events, metrics);
        pruner = new Pruner(client, events);
        appStatuses = new AppStatuses(conditions, events);
        unreadable = new UnreadableObjects(events, metrics);
        this.ledgers = new Ledgers(client, ledgers);
        reusedNames = new ReusedNames(new ReleaseStore(client, releases), conditions, events);
        return List.of(releases, rollbacks, deployments, services, ledgers);
    }

    private static Set<ResourceID> appOf(String app, io.fabric8.kubernetes.api.model.HasMetadata child) {
        return app == null ? Set.of() : Set.of(new ResourceID(app, child.getMetadata().getNamespace()));
    }

    @Override
    public UpdateControl<App> reconcile(App app, Context<App> context) {
        LogContext.enterApp(app.getMetadata().getNamespace(), app.getMetadata().getName());
        try {
            if (!unreadable.check(app)) {
                reportStalled(app, context, Health.stalled(UnreadableObjects.REASON, UnreadableObjects.message(app)));
                return UpdateControl.noUpdate();
            }
            return reconcileApp(app, context);
        } catch (KubernetesClientException e) {
            if (WriteRefusals.isRefusal(e)) {
                try {
                    reportStalled(app, context, Health.stalled(WriteRefusals.REASON, WriteRefusals.message(e)));
                } catch (KubernetesClientException statusRefused) {
                    e.addSuppressed(statusRefused);
                }
            }
            // JOSDK retries with backoff (200 ms doubling to 30 s); the App says why meanwhile.
            throw e;
        } finally {
            LogContext.leaveApp();
        }
    }

    /**
     * An App the pass cannot be carried out for (it cannot be read; the API server refuses a write): its status,
     * when that was readable, says why and keeps what it said about versions and workloads.
     */
    private void reportStalled(App app, Context<App> context, Health health) {
        if (!app.isStatusReadable()) {
            return;
        }
        AppStatus before = app.getStatus() == null ? new AppStatus() : app.getStatus();
        appStatuses.write(app, context, health, before.getLatestVersion() == null ? 0 : before.getLatestVersion(),
            before.getActiveRelease(), workloads.owned(app).deployments(), before.getAppliedConfigDigest(), null, Map.of());
    }

    private UpdateControl<App> reconcileApp(App app, Context<App> context) {
        String name = app.getMetadata().getName();
        List<Release> ofApp = context.getSecondaryResources(Release.class).stream()
            .filter(r -> name.equals(Releases.app(r)))
            .toList();
        Optional<Release> unreadableHistory = ofApp.stream().filter(r -> !unreadable.check(r) && UnreadableObjects.mayBeNumbered(r)).findFirst();
        if (unreadableHistory.isPresent()) {
            // Leaving it out would silently change which release runs (an unreadable newest release would roll the
            // App back to the one before it), so nothing is decided for the App until it is corrected.
            reportStalled(app, context, Health.stalled(UnreadableObjects.REASON, UnreadableObjects.messageForApp(unreadableHistory.get())));
            return UpdateControl.noUpdate();
        }
        List<Release> all = ofApp.stream().filter(Release::isReadable).toList();
        List<Release> numbered = new ArrayList<>(all.stream().filter(Releases::isNumbered).sorted(Releases.BY_VERSION).toList());
        List<Release> unnumbered = new ArrayList<>(all.stream().filter(r -> !Releases.isNumbered(r)).sorted(Releases.CREATION_ORDER).toList());
        Ledgers.Read ledger = ledgers.read(app);
        unnumbered.removeAll(reusedNames.refuse(app, ledger.ledger(), unnumbered));
        long committed = numbering.highestCommitted(app, numbered);
        Claims claims = new Claims(ledgers, app, ledger, Math.max(committed, ledger.ledger().highest()), committed);
        unnumbered.forEach(claims::assign);
        List<String> problems = AppValidator.problems(app);
        ReleaseRef active = app.getStatus() == null ? null : app.getStatus().getActiveRelease();

        // 1. Releases the operator makes itself, numbered below like any other new release.
        Map<String, String> invalidBefore = InvalidReleases.of(numbered);
        Selection before = TargetSelection.select(app, numbered, invalidBefore.keySet(), active);
        Optional<String> rollbackBefore = requests.pendingRollback(app);
        Optional<ReleaseRequests.Made> made = requests.make(app, all, numbered, unnumbered,
            invalidBefore, active, before, claims, problems);
        made.map(ReleaseRequests.Made::release)
            .filter(r -> !Releases.isNumbered(r) && unnumbered.stream().noneMatch(u -> u.getMetadata().getName().equals(r.getMetadata().getName())))
            .ifPresent(unnumbered::add);

        // 2. Numbering, in creation order.
        Release running = numbered.stream()
            .filter(r -> Releases.phase(r) == ReleasePhase.Active || Releases.phase(r) == ReleasePhase.Deploying)
            .max(Releases.BY_VERSION).orElse(null);
        List<Release> fresh = numbering.number(app, unnumbered, claims, running);
        numbered.addAll(fresh);
        numbered.sort(Releases.BY_VERSION);
        Set<String> newlyNumbered = fresh.stream().map(r -> r.getMetadata().getName()).collect(Collectors.toSet());
        long latestVersion = Math.max(committed, fresh.stream().mapToLong(Releases::version).max().orElse(0));

        // 3. Which release runs, and the workloads that run it.
        Map<String, String> invalid = InvalidReleases.of(numbered);
        Selection selection = TargetSelection.select(app, numbered, invalid.keySet(), active);
        Workloads.Owned owned = workloads.owned(app);
        Map<String, Deployment> deployments = owned.deployments();
        List<String> conflicts = List.of();
        Rollout rollout = null;
        if (problems.isEmpty() && selection.target() != null) {
            var applied = workloads.apply(app, WorkloadChanges.of(app, selection.target(), owned));
            deployments = applied.deployments();
            conflicts = applied.conflicts();
            rollout = DeploymentRollout.of(deployments, Releases.version(selection.target()));
        }

        // 4. Release statuses (this commits new versions), the Rollback made for, pruning, App status.
        String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        var planner = new ReleasePlanner(selection, rollout, invalid, now);
        List<Release> stored = releaseStatuses.write(app, numbered, newlyNumbered, planner, numbering);
        made.ifPresent(m -> requests.complete(app, m, stored));
        Release target = named(stored, selection.target());
        ReleaseRef nowActive = AppStatuses.activeRelease(active, stored);
        Release activeRelease = nowActive == null ? null : named(stored, nowActive.getName());
        Pruner.Result pruned = problems.isEmpty() ? pruner.prune(app, stored, activeRelease, target) : Pruner.Result.nothing(stored);
        List<Release> kept = pruned.remaining();
        reusedNames.record(claims, stored, pruned.deleted(), now);

        Health health = AppHealth.of(app, problems, conflicts, selection, target, kept, nowActive);
        String appliedConfig = problems.isEmpty() ? ConfigReleases.specDigest(app)
            : app.getStatus() == null ? null : app.getStatus().getAppliedConfigDigest();
        appStatuses.write(app, context, health, latestVersion, nowActive, deployments, appliedConfig,
            activeRelease != null ? activeRelease : target, pruned.keptElsewhere());
        // Decisions above were made from the state this reconcile started with. When it changed a phase (e.g. a
        // rollout failed) or finished a Rollback while another waits, look again at once: JOSDK does not deliver
        // the events of our own writes.
        Optional<String> rollbackAfter = requests.pendingRollback(app);
        boolean again = phasesChanged(numbered, stored) || (rollbackAfter.isPresent() && !rollbackAfter.equals(rollbackBefore));
        return again ? UpdateControl.<App>noUpdate().rescheduleAfter(Duration.ZERO) : UpdateControl.noUpdate();
    }

    private static boolean phasesChanged(List<Release> before, List<Release> after) {
        Map<String, ReleasePhase> phases = before.stream().filter(r -> Releases.phase(r) != null)
            .collect(Collectors.toMap(r -> r.getMetadata().getName(), Releases::phase));
        return after.stream().anyMatch(r -> Releases.phase(r) != phases.get(r.getMetadata().getName()));
    }

    private static Release named(List<Release> releases, Release release) {
        return release == null ? null : named(releases, release.getMetadata().getName());
    }

    private static Release named(List<Release> releases, String name) {
        return releases.stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst().orElse(null);
    }
}

package dev.slipway.reconcile;

import dev.slipway.desired.DesiredDeployment;
import dev.slipway.desired.DesiredService;
import dev.slipway.model.App;
import dev.slipway.model.AppStatus;
import dev.slipway.model.Promotion;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.ReleaseRef;
import dev.slipway.model.ReleaseStatus;
import dev.slipway.model.Rollback;
import dev.slipway.model.Slipway;
import dev.slipway.release.NameLedger;
import dev.slipway.status.Conditions;
import dev.slipway.status.Health;
import dev.slipway.testing.Manifests;
import dev.slipway.workload.WorkloadChanges;
import dev.slipway.workload.Workloads;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plain objects for the planner tests, as the caches would hold them: an App with one web process, its releases in
 * any phase, its Deployment as a finished rollout leaves it; and the outcomes an executor would report, as the API
 * server would answer. No API server is involved.
 */
final class PassInputs {
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final String EARLIER = "2026-11-29T08:00:00Z";

    private PassInputs() {
    }

    /** App "shop" with a web process on port 5000, config A=1 acted on, and {@code active} as its active release. */
    static App app(Release active) {
        var web = Manifests.process(1, List.of("bin/web"));
        web.setPort(5000);
        App app = Manifests.app("shop", Map.of("web", web), Map.of("A", "1"));
        app.getMetadata().setUid("uid-shop");
        app.getMetadata().setGeneration(1L);
        AppStatus status = new AppStatus();
        status.setAppliedConfigDigest(ConfigReleases.specDigest(app));
        if (active != null) {
            status.setActiveRelease(new ReleaseRef(active.getMetadata().getName(), active.getStatus().getVersion()));
            status.setLatestVersion(active.getStatus().getVersion());
        }
        app.setStatus(status);
        return app;
    }

    /** A release the operator numbered, with config A=1 and the status it wrote for {@code phase}; one that ran has deployedAt. */
    static Release numbered(String name, long version, ReleasePhase phase) {
        Release release = waiting(name, "2026-11-2" + Math.min(version, 9) + "T10:00:00Z");
        release.getSpec().setConfig(Map.of("A", "1"));
        release.getSpec().setEnvFrom(List.of());
        release.getSpec().setDescription("Deploy " + version);
        release.getMetadata().setLabels(Map.of(Slipway.LABEL_APP, "shop", Slipway.LABEL_VERSION, String.valueOf(version)));
        ReleaseStatus status = new ReleaseStatus();
        status.setVersion(version);
        status.setNumberedGeneration(1L);
        status.setObservedGeneration(1L);
        status.setPhase(phase);
        if (phase == ReleasePhase.Active || phase == ReleasePhase.Superseded) {
            status.setDeployedAt(EARLIER);
        }
        Health health = switch (phase) {
            case Active -> Health.ready("Active", "Every process rolled out and available");
            case Superseded -> Health.ready("Superseded", "Superseded by a newer release");
            case Deploying -> Health.inProgress("Deploying", "Rolling out v" + version + ": web: 0 of 1 new replicas have been updated");
            case Failed -> Health.stalled("RolloutFailed", "Rollout of v" + version + " failed: web: exceeded its progress deadline");
            default -> Health.idle("Waiting", "Waiting to become the running release");
        };
        if (phase == ReleasePhase.Superseded) {
            status.setSupersededAt(EARLIER);
        }
        status.setMessage(health.message());
        status.setConditions(new Conditions(Clock.fixed(Instant.parse(EARLIER), ZoneOffset.UTC)).of(health, 1L, null));
        release.setStatus(status);
        return release;
    }

    /** A release applied by a user and not numbered yet, image {@code registry.example/shop:<name>}. */
    static Release waiting(String name, String created) {
        Release release = Manifests.release(name, "shop", "registry.example/shop:" + name);
        release.getMetadata().setUid("uid-" + name);
        release.getMetadata().setGeneration(1L);
        release.getMetadata().setCreationTimestamp(created);
        return release;
    }

    static Rollback rollback(String name, Object to) {
        Rollback rollback = Manifests.rollback(name, "shop", to);
        rollback.getMetadata().setUid("uid-" + name);
        rollback.getMetadata().setGeneration(1L);
        return rollback;
    }

    static Promotion promotion(String name, Object release) {
        Promotion promotion = Manifests.promotion(name, "shop", release);
        promotion.getMetadata().setUid("uid-" + name);
        promotion.getMetadata().setGeneration(1L);
        return promotion;
    }

    /** What the caches hold: the App, its releases and Rollbacks, the ledger, and {@code running} rolled out with its Service. */
    static AppView view(App app, List<Release> releases, List<Rollback> rollbacks, NameLedger ledger, Release running) {
        return view(app, releases, rollbacks, List.of(), ledger, running);
    }

    /** As above, with the App's open Promotions. */
    static AppView view(App app, List<Release> releases, List<Rollback> rollbacks, List<Promotion> promotions, NameLedger ledger,
                        Release running) {
        Map<String, Deployment> deployments = running == null ? Map.of() : Map.of("web", rolledOut(app, running));
        Map<String, Service> services = running == null ? Map.of() : Map.of("web", DesiredService.of(app, "web", 5000));
        return new AppView(app, releases, rollbacks, promotions, new Ledgers.Read(ledger, null), new Workloads.Owned(deployments, services),
            0, Optional.empty(), NOW);
    }

    /** The ledger of a history the operator numbered: each release's name at its version. */
    static NameLedger ledgerOf(Release... numbered) {
        Map<Long, String> names = new LinkedHashMap<>();
        for (Release release : numbered) {
            names.put(release.getStatus().getVersion(), release.getMetadata().getName());
        }
        return NameLedger.empty().with(names);
    }

    /** The Deployment of {@code release} once its rollout finished. */
    static Deployment rolledOut(App app, Release release) {
        Deployment deployment = DesiredDeployment.of(app, "web", release);
        deployment.getMetadata().setGeneration(1L);
        DeploymentStatus status = new DeploymentStatus();
        status.setObservedGeneration(1L);
        status.setReplicas(1);
        status.setUpdatedReplicas(1);
        status.setReadyReplicas(1);
        status.setAvailableReplicas(1);
        deployment.setStatus(status);
        return deployment;
    }

    /** What the API server stores for the claim phase: the requested release as created, the ledger as planned. */
    static ClaimPlan.Outcome storedAsPlanned(ClaimPlan plan) {
        Ledgers.Read ledger = plan.claimsToStore().map(l -> new Ledgers.Read(l, null)).orElse(plan.view().ledger());
        return new ClaimPlan.Outcome(ledger, plan.requests().release().map(RequestedRelease::release).map(PassInputs::created));
    }

    /** A release as the API server answers its create: with a uid and a generation. */
    static Release created(Release release) {
        Release created = Snapshots.copy(release);
        created.getMetadata().setUid("uid-" + release.getMetadata().getName());
        created.getMetadata().setGeneration(1L);
        return created;
    }

    /**
     * What the API server stores for the deploy phase: a numbering write that changes the spec moves the generation on;
     * a Deployment written is at a generation its controller has not observed yet.
     */
    static DeployPlan.Outcome storedAsPlanned(DeployPlan plan) {
        List<Release> numbered = new ArrayList<>();
        for (Numbering.Numbered release : plan.numbering()) {
            Release stored = Snapshots.copy(release.filled());
            if (!Snapshots.same(release.release().getSpec(), release.filled().getSpec())) {
                stored.getMetadata().setGeneration(release.release().getMetadata().getGeneration() + 1);
            }
            numbered.add(stored);
        }
        if (plan.workloads() == null) {
            return new DeployPlan.Outcome(numbered, null);
        }
        Map<String, Deployment> deployments = new LinkedHashMap<>();
        for (WorkloadChanges.Process process : plan.workloads().processes()) {
            WorkloadChanges.Change<Deployment> change = process.deployment();
            Deployment written = change.write() == null ? change.actual() : Snapshots.copy(change.write());
            if (change.write() != null) {
                long generation = change.actual() == null ? 1 : change.actual().getMetadata().getGeneration() + 1;
                written.getMetadata().setGeneration(generation);
            }
            deployments.put(process.name(), written);
        }
        return new DeployPlan.Outcome(numbered, new Workloads.Result(deployments, List.of()));
    }
}

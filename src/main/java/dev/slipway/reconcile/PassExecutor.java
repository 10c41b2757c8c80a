package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.Promotion;
import dev.slipway.model.Release;
import dev.slipway.model.Rollback;
import dev.slipway.release.NameLedger;
import dev.slipway.release.Releases;
import dev.slipway.workload.Workloads;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The only writer of an App pass: applies each phase's plan in the order its record states, tells what each write
 * planned to tell once it is made, and reports what the writes came to for the next phase to plan from. A write that
 * fails ends the pass (JOSDK retries it with backoff); every write carries the resourceVersion it was planned from, or
 * is a create, and its result goes into the informer cache, so the next pass reads its own writes.
 */
final class PassExecutor {
    private final KubernetesClient client;
    private final ReleaseStore releases;
    private final ReleaseCreator creator;
    private final Ledgers ledgers;
    private final Workloads workloads;
    private final InformerEventSource<Rollback, App> rollbacks;
    private final InformerEventSource<Promotion, App> promotions;
    private final VersionMemo memo;
    private final UnreadableObjects unreadable;
    private final Notices notices;
    private final EnvSnapshotStore envSnapshots;

    PassExecutor(KubernetesClient client, ReleaseStore releases, ReleaseCreator creator, Ledgers ledgers, Workloads workloads,
                 InformerEventSource<Rollback, App> rollbacks, InformerEventSource<Promotion, App> promotions, VersionMemo memo,
                 UnreadableObjects unreadable, Notices notices, EnvSnapshotStore envSnapshots) {
        this.client = client;
        this.releases = releases;
        this.creator = creator;
        this.ledgers = ledgers;
        this.workloads = workloads;
        this.rollbacks = rollbacks;
        this.promotions = promotions;
        this.memo = memo;
        this.unreadable = unreadable;
        this.notices = notices;
        this.envSnapshots = envSnapshots;
    }

    /** A warning, an Event and a metric for each object of the pass that cannot be read, once per generation. */
    void reportUnreadable(AppView view) {
        if (unreadable.check(view.app())) {
            view.releases().forEach(unreadable::check);
        }
    }

    ClaimPlan.Outcome claim(ClaimPlan plan) {
        AppView view = plan.view();
        plan.reusedNames().forEach(change -> write(change, view.app()));
        Ledgers.Read ledger = view.ledger();
        if (plan.claimsToStore().isPresent()) {
            ledger = ledgers.write(view.app(), ledger, plan.claimsToStore().get());
        }
        plan.requests().refusal().ifPresent(this::write);
        Optional<Release> promoted = plan.requests().promoted().map(change -> write(change, view.app()));
        Optional<RequestedRelease> requested = plan.requests().release();
        if (requested.isEmpty() || requested.get().exists()) {
            return new ClaimPlan.Outcome(ledger, promoted.or(() -> requested.map(RequestedRelease::release)));
        }
        ReleaseCreator.Created created = creator.create(view.app(), requested.get(), ledger, plan.committed());
        notices.tell(requested.get().notices());
        return new ClaimPlan.Outcome(created.ledger(), Optional.of(created.made()));
    }

    /** The env snapshots of the releases about to be numbered, before their numbering write records them. */
    SnapshotPlan.Outcome snapshot(SnapshotPlan plan, Context<App> context) {
        return plan.isEmpty() ? SnapshotPlan.Outcome.NONE : envSnapshots.apply(plan, context);
    }

    DeployPlan.Outcome deploy(DeployPlan plan) {
        List<Release> numbered = new ArrayList<>();
        for (Numbering.Numbered release : plan.numbering()) {
            numbered.add(release.needsWrite() ? releases.update(release.release(), release.filled()) : release.release());
        }
        App app = plan.claim().view().app();
        return new DeployPlan.Outcome(numbered, plan.workloads() == null ? null : workloads.apply(app, plan.workloads()));
    }

    /** @param ledger the ledger as last stored in this pass, which its write is conditional on */
    void record(RecordPlan plan, App app, Ledgers.Read ledger, Context<App> context) {
        plan.releaseStatuses().forEach(change -> write(change, app));
        plan.requestDone().ifPresent(this::write);
        List<Release> deleted = new ArrayList<>();
        for (Pruner.Prune prune : plan.prunes()) {
            if (releases.delete(prune.release())) {
                deleted.add(prune.release());
                notices.tell(prune.notices());
            }
        }
        Optional<NameLedger> recorded = plan.ledgerAfter(deleted);
        if (recorded.isPresent() && !recorded.get().equals(ledger.ledger())) {
            ledgers.write(app, ledger, recorded.get());
        }
        plan.appStatus().ifPresent(change -> {
            PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(Snapshots.copy(app), context, fresh -> {
                fresh.setStatus(change.status());
                return fresh;
            });
            notices.tell(change.notices());
        });
    }

    private Release write(ReleaseStatusChange change, App app) {
        Release written = releases.updateStatus(change.release(), change.status());
        LogContext.release(written);
        if (change.commitsVersion()) {
            memo.committed(app.getMetadata().getUid(), Releases.version(written));
        }
        notices.tell(change.notices());
        return written;
    }

    private void write(RequestStatusChange<?> change) {
        HasMetadata updated = client.resource(change.written()).updateStatus();
        ResourceID id = ResourceID.fromResource(updated);
        if (updated instanceof Promotion promotion) {
            promotions.handleRecentResourceUpdate(id, promotion, (Promotion) change.request());
        } else {
            rollbacks.handleRecentResourceUpdate(id, (Rollback) updated, (Rollback) change.request());
        }
        notices.tell(change.notices());
    }
}

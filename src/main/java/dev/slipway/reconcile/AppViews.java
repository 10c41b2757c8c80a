package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.Rollback;
import dev.slipway.model.RollbackPhase;
import dev.slipway.release.Releases;
import dev.slipway.workload.Workloads;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Reads what an App pass starts from ({@link AppView}): the informer caches, and the App as stored when a Rollback is decided. */
final class AppViews {
    private final KubernetesClient client;
    private final InformerEventSource<Rollback, App> rollbacks;
    private final Ledgers ledgers;
    private final Workloads workloads;
    private final VersionMemo memo;
    private final Clock clock;

    AppViews(KubernetesClient client, InformerEventSource<Rollback, App> rollbacks, Ledgers ledgers, Workloads workloads,
             VersionMemo memo, Clock clock) {
        this.client = client;
        this.rollbacks = rollbacks;
        this.ledgers = ledgers;
        this.workloads = workloads;
        this.memo = memo;
        this.clock = clock;
    }

    /** Everything the pass plans from; one GET of the App when the pass decides on a Rollback. */
    AppView of(App app, Context<App> context) {
        AppView view = cached(app, context);
        if (!ClaimPlanner.decidesRollback(view)) {
            return view;
        }
        return view.withStored(client.resources(App.class).inNamespace(app.getMetadata().getNamespace())
            .withName(app.getMetadata().getName()).get());
    }

    /** What the caches hold for the App. */
    AppView cached(App app, Context<App> context) {
        String name = app.getMetadata().getName();
        List<Release> releases = context.getSecondaryResources(Release.class).stream()
            .filter(r -> name.equals(Releases.app(r)))
            .toList();
        // Through the informer's index of Rollbacks per App: a list by namespace copies and scans every cached Rollback.
        List<Rollback> open = rollbacks.getSecondaryResources(app).stream().filter(r -> r.isReadable() && r.getSpec() != null
                && name.equals(r.getSpec().getApp())
                && (r.getStatus() == null || r.getStatus().getPhase() == null || r.getStatus().getPhase() == RollbackPhase.Pending))
            .sorted(RollbackOrder.CREATION)
            .toList();
        return new AppView(app, releases, open, ledgers.read(app), workloads.owned(app), memo.get(app.getMetadata().getUid()),
            Optional.empty(), clock.instant());
    }
}

package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.OneShot;
import dev.slipway.model.Promotion;
import dev.slipway.model.Release;
import dev.slipway.model.Rollback;
import dev.slipway.release.Releases;
import dev.slipway.workload.Workloads;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Reads what an App pass starts from ({@link AppView}): the informer caches, and the App as stored when a request is decided. */
final class AppViews {
    private final KubernetesClient client;
    private final InformerEventSource<Rollback, App> rollbacks;
    private final InformerEventSource<Promotion, App> promotions;
    private final Ledgers ledgers;
    private final Workloads workloads;
    private final VersionMemo memo;
    private final Clock clock;

    AppViews(KubernetesClient client, InformerEventSource<Rollback, App> rollbacks, InformerEventSource<Promotion, App> promotions,
             Ledgers ledgers, Workloads workloads,
             VersionMemo memo, Clock clock) {
        this.client = client;
        this.rollbacks = rollbacks;
        this.promotions = promotions;
        this.ledgers = ledgers;
        this.workloads = workloads;
        this.memo = memo;
        this.clock = clock;
    }

    /** Everything the pass plans from; one GET of the App when the pass decides on a request. */
    AppView of(App app, Context<App> context) {
        AppView view = cached(app, context);
        if (!ClaimPlanner.decidesRequest(view)) {
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
        return new AppView(app, releases, open(rollbacks, app), open(promotions, app), ledgers.read(app), workloads.owned(app),
            memo.get(app.getMetadata().getUid()), Optional.empty(), clock.instant());
    }

    /** The App's unfinished requests of one kind, oldest first. */
    private static <R extends OneShot<?>> List<R> open(InformerEventSource<R, App> requests, App app) {
        String name = app.getMetadata().getName();
        // Through the informer's index of requests per App: a list by namespace copies and scans every cached one.
        return requests.getSecondaryResources(app).stream()
            .filter(r -> r.isReadable() && name.equals(r.targetApp()) && !r.finished())
            .sorted(RequestOrder.CREATION)
            .toList();
    }
}

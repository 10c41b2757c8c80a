package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.Promotion;
import dev.slipway.model.Release;
import dev.slipway.model.Rollback;
import dev.slipway.model.Slipway;
import dev.slipway.release.Releases;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import java.util.List;
import java.util.Set;

/**
 * The caches an App pass reads, each an informer whose events reconcile the App they belong to: its releases,
 * Rollbacks and Promotions (by spec.app), and the Deployments, Services and ledger ConfigMap it owns. Each keeps objects trimmed
 * ({@link LeanCache}); Deployments and Services only those Slipway manages, ConfigMaps only ledgers.
 */
record AppEventSources(InformerEventSource<Release, App> releases, InformerEventSource<Rollback, App> rollbacks,
                       InformerEventSource<Promotion, App> promotions,
                       InformerEventSource<Deployment, App> deployments, InformerEventSource<Service, App> services,
                       InformerEventSource<ConfigMap, App> ledgers) {
    private static final String MANAGED_SELECTOR = Slipway.LABEL_MANAGED_BY + "=" + Slipway.MANAGED_BY;
    /**
     * Releases are by far the largest list (18 per App in the benchmarks: 21,600 at 1,200 Apps). Listed whole, the answer
     * (tens of MiB) is held as one buffer beside the objects parsed from it; in pages of this size (client-go's default)
     * one page is. At 1,200 Apps the heap at its fullest during a restart went from 237 to 225 MiB of 253, and the buffer
     * grows with the fleet. The API server serves the pages from one consistent snapshot; Fabric8 then lists without
     * resourceVersion=0 (docs/operations.md, Sizing).
     */
    static final long RELEASE_LIST_PAGE = 500;

    static AppEventSources of(EventSourceContext<App> context) {
        return new AppEventSources(
            new InformerEventSource<>(InformerEventSourceConfiguration.from(Release.class, App.class)
                .withName("releases")
                .withItemStore(LeanCache.store())
                .withInformerListLimit(RELEASE_LIST_PAGE)
                .withSecondaryToPrimaryMapper((Release r) -> appOf(Releases.app(r), r))
                .build(), context),
            new InformerEventSource<>(InformerEventSourceConfiguration.from(Rollback.class, App.class)
                .withName("rollbacks")
                .withItemStore(LeanCache.store())
                .withSecondaryToPrimaryMapper((Rollback r) -> appOf(r.targetApp(), r))
                .build(), context),
            new InformerEventSource<>(InformerEventSourceConfiguration.from(Promotion.class, App.class)
                .withName("promotions")
                .withItemStore(LeanCache.store())
                .withSecondaryToPrimaryMapper((Promotion p) -> appOf(p.targetApp(), p))
                .build(), context),
            new InformerEventSource<>(InformerEventSourceConfiguration.from(Deployment.class, App.class)
                .withName("deployments")
                .withItemStore(LeanCache.store())
                .withLabelSelector(MANAGED_SELECTOR)
                .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(App.class))
                .build(), context),
            new InformerEventSource<>(InformerEventSourceConfiguration.from(Service.class, App.class)
                .withName("services")
                .withItemStore(LeanCache.store())
                .withLabelSelector(MANAGED_SELECTOR)
                .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(App.class))
                .build(), context),
            new InformerEventSource<>(InformerEventSourceConfiguration.from(ConfigMap.class, App.class)
                .withName("ledgers")
                .withItemStore(LeanCache.store())
                .withLabelSelector(Ledgers.LABEL)
                .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(App.class))
                .build(), context));
    }

    List<EventSource<?, App>> all() {
        return List.of(releases, rollbacks, promotions, deployments, services, ledgers);
    }

    private static Set<ResourceID> appOf(String app, HasMetadata child) {
        return app == null ? Set.of() : Set.of(new ResourceID(app, child.getMetadata().getNamespace()));
    }
}

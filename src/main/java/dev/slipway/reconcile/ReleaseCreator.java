package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.workload.RefusedCreates;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.net.HttpURLConnection;
import java.util.UUID;

/**
 * Creates the release a request asks for, under the name and version claimed for it (so a retry after a lost
 * response, or another replica, uses the same name whatever its cache holds). What a conflict means is only known by
 * reading the release that has the name: one whose annotation names the same request is ours, made by an earlier
 * attempt, and adopted; someone else's makes ours take a unique name, keeping its version, claimed before the create.
 */
final class ReleaseCreator {
    private final KubernetesClient client;
    private final InformerEventSource<Release, ?> cache;
    private final Ledgers ledgers;

    ReleaseCreator(KubernetesClient client, InformerEventSource<Release, ?> cache, Ledgers ledgers) {
        this.client = client;
        this.cache = cache;
        this.ledgers = ledgers;
    }

    /**
     * @param made   the release as stored: created, or adopted
     * @param ledger the ledger as stored afterwards
     */
    record Created(Release made, Ledgers.Read ledger) {
    }

    /** @param committedUpTo the highest version known committed, which bounds the claims the ledger keeps */
    Created create(App app, RequestedRelease requested, Ledgers.Read ledger, long committedUpTo) {
        Release wanted = requested.release();
        try {
            return new Created(created(client.resource(wanted).create()), ledger);
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                RefusedCreates.name(e, wanted);
                throw e;
            }
            Release existing = client.resources(Release.class).inNamespace(wanted.getMetadata().getNamespace())
                .withName(wanted.getMetadata().getName()).get();
            if (existing == null) {
                // The conflict was not about the name (it is free now): retry the pass with the same name.
                throw e;
            }
            if (requested.madeFor(existing)) {
                return new Created(existing, ledger);
            }
            // Someone else's release has the name <app>-v<N>: keep the number, make the name unique.
            Release renamed = Snapshots.copy(wanted);
            renamed.getMetadata().setName(wanted.getMetadata().getName() + "-" + UUID.randomUUID().toString().substring(0, 5));
            Ledgers.Read stored = ledgers.write(app, ledger, Claims.renamed(ledger.ledger(), requested.annotation(),
                requested.value(), renamed.getMetadata().getName(), committedUpTo));
            return new Created(created(client.resource(renamed).create()), stored);
        }
    }

    private Release created(Release release) {
        cache.handleRecentResourceCreate(ResourceID.fromResource(release), release);
        return release;
    }
}

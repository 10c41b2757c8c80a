package dev.slipway.reconcile;

import dev.slipway.model.Release;
import dev.slipway.workload.RefusedCreates;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.net.HttpURLConnection;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * Creates the releases the operator makes itself. A request is made exactly once: the release carries an
 * annotation naming the request, callers look for such a release before creating one, its name and version are
 * claimed in the App's ledger before the create (so a retry after a lost response, or another replica, uses the
 * same name whatever its cache holds), and a create that collides with a release our cache has not seen yet
 * adopts it when its annotation says it is ours.
 */
final class ReleaseCreator {
    private final KubernetesClient client;
    private final InformerEventSource<Release, ?> cache;

    ReleaseCreator(KubernetesClient client, InformerEventSource<Release, ?> cache) {
        this.client = client;
        this.cache = cache;
    }

    /**
     * @param annotation the annotation naming the request (e.g. the Rollback's uid), {@code value} its value
     * @param desired    the release to make, given the version claimed for it
     */
    Release create(Claims claims, String annotation, String value, LongFunction<Release> desired) {
        Predicate<Release> ours = annotated(Map.of(annotation, value));
        Release wanted = claims.forRequest(annotation, value, desired);
        try {
            return created(client.resource(wanted).create());
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                RefusedCreates.name(e, wanted);
                throw e;
            }
            Release existing = client.resources(Release.class).inNamespace(wanted.getMetadata().getNamespace())
                .withName(wanted.getMetadata().getName()).get();
            if (existing == null) {
                // The conflict was not about the name (it is free now): retry the reconcile with the same name.
                throw e;
            }
            if (ours.test(existing)) {
                return existing;
            }
            // Someone else's release has the name <app>-v<N>: keep the number, make the name unique.
            Release renamed = Snapshots.copy(wanted);
            renamed.getMetadata().setName(wanted.getMetadata().getName() + "-" + UUID.randomUUID().toString().substring(0, 5));
            claims.rename(annotation, value, renamed.getMetadata().getName());
            return created(client.resource(renamed).create());
        }
    }

    static Predicate<Release> annotated(Map<String, String> annotations) {
        return release -> release.getMetadata().getAnnotations() != null && annotations.entrySet().stream()
            .allMatch(a -> Objects.equals(release.getMetadata().getAnnotations().get(a.getKey()), a.getValue()));
    }

    private Release created(Release release) {
        cache.handleRecentResourceCreate(ResourceID.fromResource(release), release);
        return release;
    }
}

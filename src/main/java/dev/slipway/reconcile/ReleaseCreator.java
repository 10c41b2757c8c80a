package dev.slipway.reconcile;

import dev.slipway.model.Release;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.net.HttpURLConnection;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Creates the releases the operator makes itself. A request is made exactly once: the release carries
 * annotations naming the request, callers look for such a release before creating one, and a create that
 * collides with a release our cache has not seen yet adopts it when its annotations say it is ours.
 */
final class ReleaseCreator {
    private final KubernetesClient client;
    private final InformerEventSource<Release, ?> cache;

    ReleaseCreator(KubernetesClient client, InformerEventSource<Release, ?> cache) {
        this.client = client;
        this.cache = cache;
    }

    /** @param ours whether an existing release with the same name was made for the same request */
    Release create(Release desired, Predicate<Release> ours) {
        try {
            return created(client.resource(desired).create());
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
            Release existing = client.resources(Release.class).inNamespace(desired.getMetadata().getNamespace())
                .withName(desired.getMetadata().getName()).get();
            if (existing == null) {
                // The conflict was not about the name (it is free now): retry the reconcile with the same name.
                throw e;
            }
            if (ours.test(existing)) {
                return existing;
            }
            // Someone else's release has the name <app>-v<N>: keep the number, make the name unique.
            Release renamed = Snapshots.copy(desired);
            renamed.getMetadata().setName(desired.getMetadata().getName() + "-" + UUID.randomUUID().toString().substring(0, 5));
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

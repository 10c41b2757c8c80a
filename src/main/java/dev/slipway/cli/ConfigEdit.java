package dev.slipway.cli;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.Slipway;
import dev.slipway.release.ConfigChange;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Changes App.spec.config the way the operator expects from the plugin: an optimistically locked update that
 * also records who made this config (slipway.dev/config-changed-by + its digest), then finds the Config
 * release the operator makes for it. Values never appear in messages.
 */
final class ConfigEdit {
    private static final int ATTEMPTS = 5;

    private ConfigEdit() {
    }

    /** What an edit did: the config digest it produced, or empty when the config already was like that. */
    record Edit(App app, Optional<String> digest) {
    }

    static Edit apply(Session session, String appName, Consumer<Map<String, String>> change) {
        for (int attempt = 1; ; attempt++) {
            App app = session.app(appName);
            Map<String, String> before = app.getSpec().getConfig() == null ? Map.of() : app.getSpec().getConfig();
            Map<String, String> after = new LinkedHashMap<>(before);
            change.accept(after);
            if (after.equals(before)) {
                return new Edit(app, Optional.empty());
            }
            String digest = ConfigChange.digest(after, app.getSpec().getEnvFrom());
            app.getSpec().setConfig(after);
            Map<String, String> annotations = app.getMetadata().getAnnotations() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(app.getMetadata().getAnnotations());
            annotations.put(Slipway.ANNOTATION_CONFIG_CHANGED_BY, session.user());
            annotations.put(Slipway.ANNOTATION_CONFIG_CHANGED_DIGEST, digest);
            app.getMetadata().setAnnotations(annotations);
            try {
                return new Edit(session.client().resource(app).update(), Optional.of(digest));
            } catch (KubernetesClientException e) {
                // Someone else changed the App between our read and write: read again and redo the change.
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * The release the operator made for this config, or empty once the operator has acted on it without making one
     * (no release yet: the config seeds the first; or the newest release already has this config).
     */
    static Optional<Optional<Release>> made(Session session, String appName, String digest) {
        App app = session.app(appName);
        Optional<Release> release = session.releases(appName).stream().filter(r -> {
            Map<String, String> annotations = r.getMetadata().getAnnotations();
            return annotations != null && digest.equals(annotations.get(Slipway.ANNOTATION_CONFIG_DIGEST));
        }).findFirst();
        if (release.isPresent()) {
            return Optional.of(release);
        }
        // The operator records the digest it acted on after making the release, so reading the App first is safe.
        boolean actedOn = app.getStatus() != null && digest.equals(app.getStatus().getAppliedConfigDigest());
        return actedOn ? Optional.of(Optional.empty()) : Optional.empty();
    }
}

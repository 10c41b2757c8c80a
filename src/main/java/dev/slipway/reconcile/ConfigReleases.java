package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.AppSpec;
import dev.slipway.model.Cause;
import dev.slipway.model.Release;
import dev.slipway.model.Slipway;
import dev.slipway.release.ConfigChange;
import dev.slipway.release.NewReleases;
import dev.slipway.release.Releases;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A change of App.spec.config or envFrom, compared with the digest the operator last acted on
 * (App.status.appliedConfigDigest), makes a release of the running build with the new config.
 */
final class ConfigReleases {
    private ConfigReleases() {
    }

    static String specDigest(App app) {
        AppSpec spec = app.getSpec();
        return ConfigChange.digest(spec.getConfig(), spec.getEnvFrom());
    }

    /**
     * @param build  the release whose build the config release copies ({@link ConfigBase}), or null before the first release
     * @param active the release whose rollout completed last, or null
     * @param newest the newest release of the App, numbered or not, or null
     */
    static Optional<RequestedRelease> release(App app, Release build, Release active, Release newest, List<Release> all, Claims claims) {
        String digest = specDigest(app);
        String applied = app.getStatus() == null ? null : app.getStatus().getAppliedConfigDigest();
        if (applied == null || applied.equals(digest) || build == null) {
            return Optional.empty();
        }
        AppSpec spec = app.getSpec();
        Map<String, String> marks = Map.of(Slipway.ANNOTATION_CONFIG_DIGEST, digest);
        boolean alreadyMade = all.stream().filter(RequestedRelease.annotated(marks)).anyMatch(r -> madeAfter(r, build));
        boolean newestHasIt = newest != null
            && ConfigChange.same(newest.getSpec().getConfig(), newest.getSpec().getEnvFrom(), spec.getConfig(), spec.getEnvFrom());
        if (alreadyMade || newestHasIt) {
            return Optional.empty();
        }
        Release before = configOf(build, active);
        String description = ConfigChange.describe(before.getSpec().getConfig(), before.getSpec().getEnvFrom(),
            spec.getConfig(), spec.getEnvFrom());
        Map<String, String> annotations = new LinkedHashMap<>(marks);
        changedBy(app, digest).ifPresent(by -> annotations.put(Slipway.ANNOTATION_CREATED_BY, by));
        Release release = claims.forRequest(Slipway.ANNOTATION_CONFIG_DIGEST, digest, version -> NewReleases.of(app, version,
            build, spec.getConfig(), spec.getEnvFrom(), Cause.Config, null, description, annotations));
        long version = claims.versionOf(release);
        return Optional.of(RequestedRelease.toCreate(release, Slipway.ANNOTATION_CONFIG_DIGEST, digest, version, null, List.of(
            Notice.info(ConfigReleases.class, "App " + app.getMetadata().getNamespace() + "/" + app.getMetadata().getName()
                + ": config changed (" + description + "); created v" + version + " from the build of " + Releases.label(build)))));
    }

    /** Whether a config release was made after {@code build}: unnumbered still, or after it by version or creation. */
    static boolean madeAfter(Release release, Release build) {
        if (!Releases.isNumbered(release)) {
            return true;
        }
        return Releases.isNumbered(build) ? Releases.version(release) > Releases.version(build)
            : Releases.CREATION_ORDER.compare(release, build) > 0;
    }

    /** The release whose config the new one replaces: the build's, or, for a release yet to inherit one, the running config. */
    private static Release configOf(Release build, Release active) {
        boolean inherits = build.getSpec().getConfig() == null && build.getSpec().getEnvFrom() == null;
        return inherits && active != null ? active : build;
    }

    /**
     * Who made this config, when kubectl-slipway recorded it for exactly this config: an edit by other means
     * (kubectl edit, GitOps) leaves the annotations behind with another digest, and stays unattributed.
     */
    static Optional<String> changedBy(App app, String digest) {
        Map<String, String> annotations = app.getMetadata().getAnnotations();
        if (annotations == null || !digest.equals(annotations.get(Slipway.ANNOTATION_CONFIG_CHANGED_DIGEST))) {
            return Optional.empty();
        }
        return Optional.ofNullable(annotations.get(Slipway.ANNOTATION_CONFIG_CHANGED_BY));
    }
}

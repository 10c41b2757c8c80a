package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.Cause;
import dev.slipway.model.Release;
import dev.slipway.model.Slipway;
import dev.slipway.release.EnvChanges;
import dev.slipway.release.NewReleases;
import dev.slipway.release.Releases;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Secret or ConfigMap that an App with snapshotEnvFrom uses now holds something else than the snapshots of the release
 * that runs: one release of that release's build, config and envFrom (cause Config), whose numbering snapshots what the
 * sources hold then. All sources are compared in one pass, and only once they have been quiet for a moment, so the
 * changes of one burst make one release. Exactly once: the release carries the digest of the content it was made for.
 */
final class EnvRotations {
    private EnvRotations() {
    }

    /** @param build the release whose build a config change copies ({@link ConfigBase}), or null */
    static Optional<RequestedRelease> release(App app, Release build, List<Release> all, EnvView env, Claims claims) {
        if (!env.optedIn() || !env.settled() || build == null || !Releases.isNumbered(build)) {
            return Optional.empty();
        }
        Optional<EnvChanges.Change> change = EnvChanges.of(app.getMetadata().getName(), build, EnvChanges.lastTaken(all),
            env::live, env::snapshot);
        if (change.isEmpty()) {
            return Optional.empty();
        }
        String digest = change.get().digest();
        Map<String, String> marks = Map.of(Slipway.ANNOTATION_ENV_DIGEST, digest);
        if (all.stream().filter(RequestedRelease.annotated(marks)).anyMatch(r -> ConfigReleases.madeAfter(r, build))) {
            return Optional.empty();
        }
        String description = change.get().description();
        Release release = claims.forRequest(Slipway.ANNOTATION_ENV_DIGEST, digest, version -> NewReleases.of(app, version,
            build, build.getSpec().getConfig(), build.getSpec().getEnvFrom(), build.getSpec().getProcesses(), Cause.Config, null,
            description, marks));
        long version = claims.versionOf(release);
        return Optional.of(RequestedRelease.toCreate(release, Slipway.ANNOTATION_ENV_DIGEST, digest, version, null, List.of(
            Notice.info(EnvRotations.class, "App " + app.getMetadata().getNamespace() + "/" + app.getMetadata().getName()
                + ": env sources changed (" + description + "); created v" + version + " from " + Releases.label(build)))));
    }
}

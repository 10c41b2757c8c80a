package dev.slipway.reconcile;

import dev.slipway.release.SourceContent;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What the caches hold of the Secrets and ConfigMaps an App with {@code spec.snapshotEnvFrom} uses: values as
 * digests only ({@link SourceContent}). Read by the shell ({@link EnvSources}), planned from by
 * {@link EnvRotations} and {@link SnapshotPlanner}.
 *
 * @param optedIn   whether the App sets snapshotEnvFrom; without it nothing else here is read
 * @param sources   the sources its spec and releases name that exist, by {@link dev.slipway.release.EnvSource#key()}
 * @param snapshots the snapshots its releases name that exist, by name
 * @param settlesIn how long until the sources have been unchanged for {@link EnvSources#QUIET}; zero once they have
 */
record EnvView(boolean optedIn, Map<String, SourceContent> sources, Map<String, SourceContent> snapshots, Duration settlesIn) {
    static final EnvView NONE = new EnvView(false, Map.of(), Map.of(), Duration.ZERO);

    Optional<SourceContent> live(String key) {
        return Optional.ofNullable(sources.get(key));
    }

    Optional<SourceContent> snapshot(String name) {
        return Optional.ofNullable(snapshots.get(name));
    }

    /** A burst of changes (an External Secrets refresh of several Secrets) is over: act on what it left. */
    boolean settled() {
        return settlesIn.isZero();
    }
}

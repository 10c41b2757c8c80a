package dev.slipway.release;

import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The release an automatic rollback copies: the newest one older than the failed release that ran and did not fail. */
public final class LastGoodRelease {
    private LastGoodRelease() {
    }

    public static Optional<Release> before(List<Release> numbered, long version) {
        return numbered.stream()
            .filter(r -> Releases.version(r) < version)
            .filter(Releases::hasRun)
            .filter(r -> Releases.phase(r) != ReleasePhase.Failed)
            .max(Comparator.comparing(Releases::version));
    }
}

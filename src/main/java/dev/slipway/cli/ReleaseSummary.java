package dev.slipway.cli;

import dev.slipway.model.Release;
import dev.slipway.release.Releases;

/** One line of the history, as `releases -o json|yaml` prints it. */
record ReleaseSummary(Long version, String name, String change, String by, String createdAt, String phase,
                      String image, String cause) {

    static ReleaseSummary of(Release release) {
        return new ReleaseSummary(Releases.version(release), release.getMetadata().getName(),
            release.getSpec().getDescription(), History.by(release), release.getMetadata().getCreationTimestamp(),
            Releases.phase(release) == null ? "Pending" : Releases.phase(release).name(), release.getSpec().getImage(),
            Releases.cause(release).name());
    }
}

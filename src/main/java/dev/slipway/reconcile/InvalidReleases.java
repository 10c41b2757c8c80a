package dev.slipway.reconcile;

import dev.slipway.model.Release;
import dev.slipway.validation.ReleaseValidator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Releases that can never run, with the reason, by name. */
final class InvalidReleases {
    private InvalidReleases() {
    }

    static Map<String, String> of(List<Release> numbered) {
        Map<String, String> invalid = new LinkedHashMap<>();
        for (Release release : numbered) {
            if (ReleaseValidator.changedAfterNumbering(release)) {
                invalid.put(release.getMetadata().getName(), "the spec was changed after the release was numbered"
                    + " (generation " + release.getMetadata().getGeneration() + ", numbered at generation "
                    + release.getStatus().getNumberedGeneration() + "); releases are immutable: create a new Release instead");
                continue;
            }
            List<String> problems = ReleaseValidator.problems(release);
            if (!problems.isEmpty()) {
                invalid.put(release.getMetadata().getName(), String.join("; ", problems));
            }
        }
        return invalid;
    }
}

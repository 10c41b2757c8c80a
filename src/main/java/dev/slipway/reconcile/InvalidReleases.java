package dev.slipway.reconcile;

import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.release.Releases;
import dev.slipway.validation.ReleaseValidator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Releases that can never run, with the reason, by name. */
final class InvalidReleases {
    /** How {@link dev.slipway.release.ReleasePlanner} begins the message of a release that can never run. */
    private static final String PREFIX = "Invalid: ";

    private InvalidReleases() {
    }

    static Map<String, String> of(List<Release> numbered) {
        Map<String, String> invalid = new LinkedHashMap<>();
        for (Release release : numbered) {
            if (judgedInvalid(release)) {
                // Judged when it was numbered from what it read then (an env source missing): that stays so.
                invalid.put(release.getMetadata().getName(), release.getStatus().getMessage().substring(PREFIX.length()));
                continue;
            }
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

    /** Failed as invalid when numbered: a release's spec never changes afterwards, so neither does the verdict. */
    private static boolean judgedInvalid(Release release) {
        return Releases.phase(release) == ReleasePhase.Failed && release.getStatus().getMessage() != null
            && release.getStatus().getMessage().startsWith(PREFIX);
    }
}

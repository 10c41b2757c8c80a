package dev.slipway.reconcile;

import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.ReleaseRef;
import dev.slipway.release.Releases;
import dev.slipway.release.Selection;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An App's releases as one pass finds them, before it numbers or makes any.
 *
 * @param all        every readable release of the App
 * @param numbered   the numbered ones, in version order
 * @param unnumbered those waiting for a version, in creation order, without the reused names refused
 * @param invalid    numbered releases that can never run, with the reason, by name
 * @param active     App.status.activeRelease, or null
 * @param running    which release runs now: the one this pass's new releases may replace
 */
record History(List<Release> all, List<Release> numbered, List<Release> unnumbered, Map<String, String> invalid,
               ReleaseRef active, Selection running) {

    /** This history with {@code stored}, when numbered, in place of the copy read at the start of the pass. */
    History withStored(Release stored) {
        String name = stored.getMetadata().getName();
        if (!Releases.isNumbered(stored) || numbered.stream().noneMatch(r -> r.getMetadata().getName().equals(name))) {
            return this;
        }
        UnaryOperator<List<Release>> swap = list -> list.stream().map(r -> r.getMetadata().getName().equals(name) ? stored : r).toList();
        return new History(swap.apply(all), swap.apply(numbered), unnumbered, invalid, active, running);
    }

    /** The numbered release {@code ref} names, or null. */
    Release numbered(ReleaseRef ref) {
        return ref == null ? null : numbered.stream().filter(r -> r.getMetadata().getName().equals(ref.getName())).findFirst().orElse(null);
    }

    /** The newest release, numbered or not, or null. */
    Release newest() {
        if (!unnumbered.isEmpty()) {
            return unnumbered.get(unnumbered.size() - 1);
        }
        return numbered.isEmpty() ? null : numbered.get(numbered.size() - 1);
    }

    /** The release whose config runs now, which a new release without config inherits: the newest Active or Deploying one. */
    Release runningConfig() {
        return numbered.stream()
            .filter(r -> Releases.phase(r) == ReleasePhase.Active || Releases.phase(r) == ReleasePhase.Deploying)
            .max(Releases.BY_VERSION).orElse(null);
    }
}

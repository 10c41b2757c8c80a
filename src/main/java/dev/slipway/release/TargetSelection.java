package dev.slipway.release;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleaseRef;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * Which release runs: the pinned one (App.spec.release), or else the newest valid release that is not staged. Never
 * steps back to an older release because the active one was deleted.
 */
public final class TargetSelection {
    private TargetSelection() {
    }

    /**
     * @param numbered releases with a version
     * @param invalid  names of releases that can never run
     * @param active   App.status.activeRelease, or null
     */
    public static Selection select(App app, Collection<Release> numbered, Set<String> invalid, ReleaseRef active) {
        Optional<Release> activeRelease = active == null ? Optional.empty()
            : numbered.stream().filter(r -> r.getMetadata().getName().equals(active.getName())).findFirst();
        String pin = app.getSpec() == null ? null : app.getSpec().getRelease();
        if (pin != null && !pin.isBlank()) {
            VersionRef ref = VersionRef.parse(pin);
            Optional<Release> pinned = ref.find(numbered);
            if (pinned.isEmpty()) {
                return new Selection(activeRelease.orElse(null),
                    "spec.release pins " + ref + ", which matches no release of App " + app.getMetadata().getName()
                        + "; set it to an existing version (kubectl get releases -l slipway.dev/app="
                        + app.getMetadata().getName() + ") or remove it", false, false);
            }
            if (invalid.contains(pinned.get().getMetadata().getName())) {
                return new Selection(activeRelease.orElse(null),
                    "spec.release pins " + Releases.label(pinned.get()) + ", which is invalid and cannot run;"
                        + " pin another release", false, false);
            }
            return new Selection(pinned.get(), null, false, true);
        }
        Optional<Release> newest = numbered.stream()
            .filter(r -> !invalid.contains(r.getMetadata().getName()))
            .filter(r -> !Releases.staged(r))
            .max(Comparator.comparing(Releases::version));
        boolean activeGone = active != null && activeRelease.isEmpty();
        if (activeGone && newest.map(r -> Releases.version(r) < active.getVersion()).orElse(true)) {
            return new Selection(null, null, true, false);
        }
        return new Selection(newest.orElse(null), null, false, false);
    }
}

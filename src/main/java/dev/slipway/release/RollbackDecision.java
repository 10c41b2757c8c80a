package dev.slipway.release;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.ReleaseRef;
import dev.slipway.model.Rollback;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a Rollback may proceed, and to which release. Refusals name the problem and the way out; they
 * follow the contract: unknown target, failed target without force, target already active, pinned App.
 *
 * @param target  the release to copy, or null when refused
 * @param from    the current version (running or rolling out) the rollback leaves
 * @param refusal why the rollback is refused, or null
 */
public record RollbackDecision(Release target, Long from, String refusal) {

    public static RollbackDecision decide(App app, Rollback rollback, List<Release> numbered,
                                          Map<String, String> invalid, ReleaseRef active) {
        String pin = app.getSpec() == null ? null : app.getSpec().getRelease();
        if (pin != null && !pin.isBlank()) {
            return refuse("App is pinned to " + VersionRef.parse(pin) + " by spec.release; change the pin");
        }
        if (active == null) {
            return refuse("App " + app.getMetadata().getName() + " has no active release to roll back from");
        }
        String to = rollback.getSpec().targetText();
        Optional<Release> target = to == null
            ? numbered.stream()
                .filter(r -> Releases.version(r) < active.getVersion())
                .filter(r -> Releases.phase(r) != ReleasePhase.Failed && !invalid.containsKey(r.getMetadata().getName()))
                .filter(r -> !Releases.staged(r))
                .max(Comparator.comparing(Releases::version))
            : VersionRef.parse(to).find(numbered);
        if (target.isEmpty()) {
            return refuse(to == null
                ? "App " + app.getMetadata().getName() + " has no release before v" + active.getVersion() + " that did not fail"
                : "spec.to " + VersionRef.parse(to) + " matches no release of App " + app.getMetadata().getName()
                    + "; list them with kubectl get releases -l slipway.dev/app=" + app.getMetadata().getName());
        }
        Release release = target.get();
        String label = Releases.label(release);
        if (invalid.containsKey(release.getMetadata().getName())) {
            return refuse(label + " is invalid and can never run: " + invalid.get(release.getMetadata().getName()));
        }
        if (Releases.phase(release) == ReleasePhase.Failed && !Boolean.TRUE.equals(rollback.getSpec().getForce())) {
            return refuse(label + " failed (" + release.getStatus().getMessage() + "); set spec.force: true to roll back to it anyway");
        }
        if (release.getMetadata().getName().equals(active.getName())) {
            return refuse(label + " is already the active release");
        }
        return new RollbackDecision(release, active.getVersion(), null);
    }

    private static RollbackDecision refuse(String message) {
        return new RollbackDecision(null, null, message);
    }

    public boolean refused() {
        return refusal != null;
    }
}

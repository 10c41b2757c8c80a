package dev.slipway.release;

import dev.slipway.model.App;
import dev.slipway.model.Promotion;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.ReleaseRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a Promotion may proceed, and how: the newest release, when staged, runs as it is; any other target is
 * copied into a new release. Refused like a Rollback, with the problem and the way out: pinned App, unknown target,
 * invalid target, failed target without force, target already running.
 *
 * @param target  the release to run or to copy, or null when refused
 * @param inPlace the target runs as it is: it is the newest release and staged
 * @param refusal why the promotion is refused, or null
 */
public record PromotionDecision(Release target, boolean inPlace, String refusal) {

    /**
     * @param newest  the App's newest release, numbered or still waiting for its version
     * @param current the release running or rolling out now, or null
     */
    public static PromotionDecision decide(App app, Promotion promotion, List<Release> numbered, Map<String, String> invalid,
                                           Release newest, ReleaseRef current) {
        String name = app.getMetadata().getName();
        String pin = app.getSpec() == null ? null : app.getSpec().getRelease();
        if (pin != null && !pin.isBlank()) {
            return refuse("App is pinned to " + VersionRef.parse(pin) + " by spec.release; change the pin");
        }
        String text = promotion.getSpec().targetText();
        if (text == null || text.isBlank()) {
            return refuse("spec.release is missing: name the release to promote, e.g. v10");
        }
        Optional<Release> found = VersionRef.parse(text).find(numbered);
        if (found.isEmpty()) {
            return refuse("spec.release " + VersionRef.parse(text) + " matches no release of App " + name
                + "; list them with kubectl get releases -l slipway.dev/app=" + name);
        }
        Release target = found.get();
        String label = Releases.label(target);
        if (invalid.containsKey(target.getMetadata().getName())) {
            return refuse(label + " is invalid and can never run: " + invalid.get(target.getMetadata().getName()));
        }
        if (Releases.phase(target) == ReleasePhase.Failed && !Boolean.TRUE.equals(promotion.getSpec().getForce())) {
            return refuse(label + " failed (" + target.getStatus().getMessage() + "); set spec.force: true to promote it anyway");
        }
        if (current != null && target.getMetadata().getName().equals(current.getName())) {
            return refuse(label + " is already the active release");
        }
        boolean newestAndStaged = newest != null && newest.getMetadata().getName().equals(target.getMetadata().getName())
            && Releases.staged(target);
        return new PromotionDecision(target, newestAndStaged, null);
    }

    private static PromotionDecision refuse(String message) {
        return new PromotionDecision(null, false, message);
    }

    public boolean refused() {
        return refusal != null;
    }
}

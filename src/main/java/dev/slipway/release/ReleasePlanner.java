package dev.slipway.release;

import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.ReleaseStatus;
import dev.slipway.rollout.Rollout;
import dev.slipway.status.Health;
import java.util.Map;

/**
 * The phase of every numbered release, from which release should run and how its rollout goes.
 * A pure function: the reconciler writes the result when it differs from what is stored.
 */
public final class ReleasePlanner {
    private final Selection selection;
    private final Rollout targetRollout;
    private final Map<String, String> invalid;
    private final String now;

    /**
     * @param invalid problems of releases that can never run, by release name
     * @param now     timestamp for deployedAt/supersededAt of transitions happening now
     */
    public ReleasePlanner(Selection selection, Rollout targetRollout, Map<String, String> invalid, String now) {
        this.selection = selection;
        this.targetRollout = targetRollout;
        this.invalid = invalid;
        this.now = now;
    }

    public ReleaseState plan(Release release) {
        ReleaseStatus current = release.getStatus() == null ? new ReleaseStatus() : release.getStatus();
        String name = release.getMetadata().getName();
        if (invalid.containsKey(name)) {
            String message = "Invalid: " + invalid.get(name);
            return new ReleaseState(ReleasePhase.Failed, message, Health.stalled("Invalid", message),
                current.getDeployedAt(), current.getSupersededAt());
        }
        if (current.getPhase() == ReleasePhase.Failed) {
            return new ReleaseState(ReleasePhase.Failed, current.getMessage(),
                Health.stalled("RolloutFailed", current.getMessage()), current.getDeployedAt(), current.getSupersededAt());
        }
        Release target = selection.target();
        if (target != null && name.equals(target.getMetadata().getName())) {
            return planTarget(release, current);
        }
        boolean targetActive = target != null && targetRollout != null && targetRollout.isComplete();
        String by = target == null ? "another release" : Releases.label(target);
        if (Releases.hasRun(release)) {
            if (!targetActive && current.getPhase() == ReleasePhase.Active) {
                return active(current.getDeployedAt());
            }
            return superseded(current, by, "");
        }
        if (Releases.staged(release)) {
            String message = "Staged: it runs once promoted: kubectl slipway promote " + Releases.label(release)
                + " (a Promotion), or pin it with App.spec.release";
            return new ReleaseState(ReleasePhase.Waiting, message, Health.idle("Staged", message), null, null);
        }
        if (current.getPhase() == ReleasePhase.Superseded
            || (targetActive && Releases.version(release) < Releases.version(target))) {
            // Older than what runs and never ran: it would only run again if pinned or rolled back to.
            return superseded(current, by, " before it was deployed");
        }
        String message = selection.waitingMessage(release);
        return new ReleaseState(ReleasePhase.Waiting, message, Health.idle("Waiting", message), null, null);
    }

    private ReleaseState planTarget(Release release, ReleaseStatus current) {
        String label = Releases.label(release);
        if (targetRollout == null) {
            return unchanged(current);
        }
        if (targetRollout.isComplete()) {
            String deployedAt = current.getPhase() == ReleasePhase.Active && current.getDeployedAt() != null
                ? current.getDeployedAt() : now;
            return active(deployedAt);
        }
        if (targetRollout.isFailed()) {
            String message = "Rollout of " + label + " failed: " + targetRollout.message();
            return new ReleaseState(ReleasePhase.Failed, message, Health.stalled("RolloutFailed", message),
                current.getDeployedAt(), current.getSupersededAt());
        }
        String message = "Rolling out " + label + ": " + targetRollout.message();
        return new ReleaseState(ReleasePhase.Deploying, message, Health.inProgress("Deploying", message),
            current.getDeployedAt(), null);
    }

    /** The workloads were not touched (the App is invalid): the release keeps the phase it has. */
    private ReleaseState unchanged(ReleaseStatus current) {
        if (current.getPhase() == null || current.getPhase() == ReleasePhase.Pending) {
            String message = "Waiting until the App spec is valid again";
            return new ReleaseState(ReleasePhase.Waiting, message, Health.idle("Waiting", message), null, null);
        }
        Health health = switch (current.getPhase()) {
            case Active, Superseded -> Health.ready(current.getPhase().name(), current.getMessage());
            case Deploying -> Health.inProgress("Deploying", current.getMessage());
            default -> Health.idle(current.getPhase().name(), current.getMessage());
        };
        return new ReleaseState(current.getPhase(), current.getMessage(), health, current.getDeployedAt(), current.getSupersededAt());
    }

    private ReleaseState superseded(ReleaseStatus current, String by, String detail) {
        boolean already = current.getPhase() == ReleasePhase.Superseded;
        String supersededAt = already && current.getSupersededAt() != null ? current.getSupersededAt() : now;
        String message = already && current.getMessage() != null ? current.getMessage() : "Superseded by " + by + detail;
        return new ReleaseState(ReleasePhase.Superseded, message, Health.ready("Superseded", message),
            current.getDeployedAt(), supersededAt);
    }

    private static ReleaseState active(String deployedAt) {
        String message = "Every process rolled out and available";
        return new ReleaseState(ReleasePhase.Active, message, Health.ready("Active", message), deployedAt, null);
    }
}

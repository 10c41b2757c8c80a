package dev.slipway.release;

import dev.slipway.model.Release;

/**
 * Which release the App should run.
 *
 * @param target        the release to run, or null: leave the workloads as they are
 * @param problem       why the App's request cannot be met (unknown or failed pin), or null
 * @param activeDeleted the active release was deleted and nothing newer exists; the workload keeps running it
 * @param pinned        the target was chosen by spec.release
 */
public record Selection(Release target, String problem, boolean activeDeleted, boolean pinned) {

    /** The sentence a release that does not run shows in its status. */
    public String waitingMessage(Release release) {
        if (pinned) {
            return "App is pinned to " + Releases.label(target) + " by spec.release; change the pin to run this release";
        }
        if (target != null && Releases.version(release) < Releases.version(target)) {
            return Releases.label(target) + " is newer and runs instead";
        }
        return "Waiting to become the running release";
    }
}

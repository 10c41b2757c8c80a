package dev.slipway.reconcile;

import dev.slipway.model.Release;
import dev.slipway.release.Selection;
import dev.slipway.workload.WorkloadChanges;
import dev.slipway.workload.Workloads;
import java.util.List;
import java.util.Map;

/**
 * The second phase of an App pass, planned from what the first one stored: the new releases get their versions, and
 * the selected release runs. Applied in this order: each new release's labels, owner reference and inherited fields
 * are written (a JSON merge patch carrying the resourceVersion read), then the Deployments and Services.
 *
 * @param numbering the new releases with their claimed versions, the requested release among them, in creation order
 * @param invalid   releases that can never run, with the reason, by name, the new ones included
 * @param selection which release runs once the new ones are numbered
 * @param workloads the writes that run the selected release; null when the workloads are left as they are (the App is
 *                  invalid, or no release can run)
 */
record DeployPlan(ClaimPlan claim, ClaimPlan.Outcome claimed, List<Numbering.Numbered> numbering, Map<String, String> invalid,
                  Selection selection, WorkloadChanges workloads) {

    /** The App's releases as the first phase left them: a staged release it promoted carries its mark. */
    History history() {
        return claimed.made().map(claim.history()::withStored).orElse(claim.history());
    }

    /**
     * What applying the plan came to.
     *
     * @param numbered  the new releases as stored after their numbering write, in the order of {@link #numbering}
     * @param workloads the Deployments as written and the objects in the way; null when the workloads were left alone
     */
    record Outcome(List<Release> numbered, Workloads.Result workloads) {
    }
}

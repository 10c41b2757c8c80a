package dev.slipway.reconcile;

import dev.slipway.model.Release;
import dev.slipway.release.NameLedger;
import java.util.List;
import java.util.Optional;

/**
 * The last phase of an App pass, planned from what the workloads are after the second: what every status says, and
 * what is pruned. Applied in this order: release statuses (the first one of a new release commits its version); the
 * request (Rollback, Promotion) carried out is marked Succeeded; releases beyond historyLimit are deleted; the ledger records the committed
 * names and what pruning deleted; the App status, last, since it records the config acted on and the versions given out.
 *
 * @param releaseStatuses the release status writes, in version order
 * @param requestDone     the request whose release was numbered (or marked promoted), marked Succeeded
 * @param prunes          releases to delete
 * @param ledger          the ledger with the committed names; empty when the pass records none
 * @param timestamp       when the pass started, to the second, recorded with what pruning deleted
 * @param appStatus       the App status, when it changed
 * @param lookAgain       reconcile again at once: a phase changed, or a request finished while another waits, and JOSDK
 *                        does not deliver the events of the operator's own writes
 */
record RecordPlan(List<ReleaseStatusChange> releaseStatuses, Optional<RequestStatusChange<?>> requestDone,
                  List<Pruner.Prune> prunes, Optional<NameLedger> ledger, String timestamp,
                  Optional<AppStatuses.Change> appStatus, boolean lookAgain) {

    /** The ledger to store once {@code deleted}, the prunes that took effect, are known. */
    Optional<NameLedger> ledgerAfter(List<Release> deleted) {
        return ledger.map(recorded -> ReusedNames.departed(recorded, deleted, timestamp));
    }
}

package dev.slipway.reconcile;

import dev.slipway.model.Release;
import dev.slipway.release.NameLedger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The first phase of an App pass: what it refuses, the versions it gives out and the release it makes. Applied in
 * this order: reused names are failed; the claims are stored in the ledger, conditionally on the ledger the pass read
 * (the fence: a stale replica gets 409 here and the pass ends, before anything uses a version); a request refused is
 * failed; a staged release promoted is marked so in its status; the requested release is created.
 *
 * @param reusedNames     Failed statuses of releases created again under a numbered name
 * @param committed       the highest version known committed
 * @param versions        the version given to each release of {@code history.unnumbered()}, by name
 * @param claimsToStore   the ledger with this pass's new claims, when there are any
 * @param problems        problems of the App spec
 * @param requests        the request refused, the staged release promoted, and the release made for a request
 * @param digests         the App spec's digests, for this pass's later phases
 */
record ClaimPlan(AppView view, History history, List<ReleaseStatusChange> reusedNames, long committed,
                 Map<String, Long> versions, Optional<NameLedger> claimsToStore, List<String> problems,
                 RequestDecision requests, SpecDigests digests) {

    /**
     * What applying the plan came to.
     *
     * @param ledger the ledger as stored after the claims, for the next conditional write
     * @param made   the requested release as stored (created, adopted after a conflict, or marked promoted), or the one
     *               that existed
     */
    record Outcome(Ledgers.Read ledger, Optional<Release> made) {
    }
}

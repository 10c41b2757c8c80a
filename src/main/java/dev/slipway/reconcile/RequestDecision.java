package dev.slipway.reconcile;

import java.util.Optional;

/**
 * What one pass does about requests: the oldest open Rollback refused, a release made for a request, or both.
 *
 * @param refusal the oldest open Rollback, refused
 * @param release the release made for a request
 */
record RequestDecision(Optional<RollbackStatusChange> refusal, Optional<RequestedRelease> release) {
    static final RequestDecision NOTHING = new RequestDecision(Optional.empty(), Optional.empty());

    static RequestDecision made(RequestedRelease release) {
        return new RequestDecision(Optional.empty(), Optional.of(release));
    }

    static RequestDecision refused(RollbackStatusChange refusal) {
        return new RequestDecision(Optional.of(refusal), Optional.empty());
    }

    RequestDecision orElse(Optional<RequestedRelease> other) {
        return release.isPresent() ? this : new RequestDecision(refusal, other);
    }
}

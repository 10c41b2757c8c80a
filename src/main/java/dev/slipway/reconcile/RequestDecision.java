package dev.slipway.reconcile;

import java.util.Optional;

/**
 * What one pass does about requests: the oldest open request (Rollback, Promotion) refused, a release made for a
 * request, or both; or a staged release marked promoted, to run as it is.
 *
 * @param refusal  the oldest open request, refused
 * @param release  the release made for a request, or, for a staged release promoted, that release as marked
 * @param promoted the status write that marks a staged release promoted, before anything else of the pass uses it
 */
record RequestDecision(Optional<RequestStatusChange<?>> refusal, Optional<RequestedRelease> release,
                       Optional<ReleaseStatusChange> promoted) {
    static final RequestDecision NOTHING = new RequestDecision(Optional.empty(), Optional.empty(), Optional.empty());

    static RequestDecision made(RequestedRelease release) {
        return new RequestDecision(Optional.empty(), Optional.of(release), Optional.empty());
    }

    static RequestDecision refused(RequestStatusChange<?> refusal) {
        return new RequestDecision(Optional.of(refusal), Optional.empty(), Optional.empty());
    }

    static RequestDecision promoted(ReleaseStatusChange mark, RequestedRelease release) {
        return new RequestDecision(Optional.empty(), Optional.of(release), Optional.of(mark));
    }

    RequestDecision orElse(Optional<RequestedRelease> other) {
        return release.isPresent() ? this : new RequestDecision(refusal, other, promoted);
    }
}

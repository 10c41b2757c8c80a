package dev.slipway.reconcile;

import dev.slipway.model.OneShot;
import dev.slipway.model.RequestStatus;
import java.util.List;

/** A one-shot request's final status to write (Succeeded, or Failed when refused), and what the write tells once made. */
record RequestStatusChange<S extends RequestStatus>(OneShot<S> request, S status, List<Notice> notices) {

    /** A copy of the request carrying the new status: what is written. */
    OneShot<S> written() {
        OneShot<S> copy = Snapshots.copy(request);
        copy.setStatus(status);
        return copy;
    }
}

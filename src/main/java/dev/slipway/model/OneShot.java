package dev.slipway.model;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * A one-shot request for an App (Rollback, Promotion): the App's reconciler makes at most one release for it, or
 * refuses it, exactly once; its status then never changes.
 *
 * @param <S> its status
 */
public interface OneShot<S extends RequestStatus> extends HasMetadata, ReadProblem {
    /** The App it is for, as spec.app names it; null when absent. */
    String targetApp();

    S getStatus();

    void setStatus(S status);

    /** Its phase; null before the operator wrote one. */
    default RequestPhase phase() {
        return getStatus() == null ? null : getStatus().getPhase();
    }

    /** Carried out or refused: nothing about it changes any more. */
    default boolean finished() {
        return phase() != null && phase() != RequestPhase.Pending;
    }
}

package dev.slipway.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An object the API server holds but the model could not read in full (see {@link TolerantReader}): what was
 * wrong, in the words a user needs to fix the manifest. Kept in memory only, never serialized.
 */
public interface ReadProblem {
    /** What could not be read, and whether the status was among it; null when the object was read completely. */
    record Unreadable(String problem, boolean status) {
    }

    @JsonIgnore
    Unreadable getUnreadable();

    @JsonIgnore
    void setUnreadable(Unreadable unreadable);

    /** Whether spec and status were read completely. */
    @JsonIgnore
    default boolean isReadable() {
        return getUnreadable() == null;
    }

    /** The fields that could not be read and why, e.g. "spec.processes.web.replicas: …", or null. */
    @JsonIgnore
    default String getReadProblem() {
        return getUnreadable() == null ? null : getUnreadable().problem();
    }

    /**
     * Whether the status was read: only then may the operator write a status, since writing one over a status it
     * could not read would lose what that status held (a release's version, a Rollback's result).
     */
    @JsonIgnore
    default boolean isStatusReadable() {
        return getUnreadable() == null || !getUnreadable().status();
    }
}

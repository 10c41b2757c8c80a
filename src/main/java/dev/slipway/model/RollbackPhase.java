package dev.slipway.model;

/** Lifecycle of a Rollback request. */
public enum RollbackPhase {
    Pending, Succeeded, Failed
}

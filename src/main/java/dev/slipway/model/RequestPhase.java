package dev.slipway.model;

/** Lifecycle of a one-shot request (Rollback, Promotion). */
public enum RequestPhase {
    Pending, Succeeded, Failed
}

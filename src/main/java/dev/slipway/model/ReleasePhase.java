package dev.slipway.model;

/** Lifecycle of a release; see docs/release-lifecycle.md. */
public enum ReleasePhase {
    /** Not numbered yet, e.g. its App does not exist. */
    Pending,
    /** Numbered, but another release is the one that runs. */
    Waiting,
    /** Deployments updated, rollout in progress. */
    Deploying,
    /** Every process rolled out and available. */
    Active,
    /** Was Active; another release became active since. */
    Superseded,
    /** Invalid, or its rollout exceeded the progress deadline. */
    Failed
}

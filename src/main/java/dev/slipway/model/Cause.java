package dev.slipway.model;

/** Why a release exists. */
public enum Cause {
    Deploy, Config, Processes, Rollback, AutoRollback, Promote
}

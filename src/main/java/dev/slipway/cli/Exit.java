package dev.slipway.cli;

/** Exit codes of kubectl-slipway; part of its contract (docs/cli.md), so scripts can tell failures apart. */
public enum Exit {
    OK(0),
    /** Anything not covered below: the API server cannot be reached, an unexpected API error. */
    ERROR(1),
    /** The command line is wrong: unknown command or option, bad argument. */
    USAGE(2),
    /** The App, release or API does not exist. */
    NOT_FOUND(3),
    /** The API server refused the credentials or the user lacks RBAC permission. */
    FORBIDDEN(4),
    /** The operator refused the request (e.g. a rollback) or the release failed to roll out. */
    FAILED(5),
    /** The wait ran out before the rollout finished; it continues in the cluster. */
    TIMED_OUT(6);

    public final int code;

    Exit(int code) {
        this.code = code;
    }
}

package dev.slipway.model;

/** API group, version and the label/annotation keys that are part of the contract. */
public final class Slipway {
    public static final String GROUP = "slipway.dev";
    public static final String VERSION = "v1alpha1";
    public static final String API_VERSION = GROUP + "/" + VERSION;
    public static final String CATEGORY = "slipway";

    public static final String LABEL_APP = "slipway.dev/app";
    public static final String LABEL_VERSION = "slipway.dev/version";
    public static final String LABEL_PROCESS = "slipway.dev/process";
    public static final String LABEL_NAME = "app.kubernetes.io/name";
    public static final String LABEL_COMPONENT = "app.kubernetes.io/component";
    public static final String LABEL_MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY = "slipway";

    /** Annotation on Deployments and pod templates naming the release they run. */
    public static final String ANNOTATION_RELEASE = "slipway.dev/release";

    /** On releases the operator creates: which Rollback (name and uid) made it, for exactly-once creation. */
    public static final String ANNOTATION_ROLLBACK = "slipway.dev/rollback";
    public static final String ANNOTATION_ROLLBACK_UID = "slipway.dev/rollback-uid";
    /** On releases the operator creates for a Promotion: which Promotion (name and uid) made it, for exactly-once creation. */
    public static final String ANNOTATION_PROMOTION = "slipway.dev/promotion";
    public static final String ANNOTATION_PROMOTION_UID = "slipway.dev/promotion-uid";
    /** On rollback releases: the version that was active when the rollback was made. */
    public static final String ANNOTATION_ROLLED_BACK_FROM = "slipway.dev/rolled-back-from";
    /** On automatic rollback releases: the uid of the release whose failed rollout they undo. */
    public static final String ANNOTATION_FAILED_RELEASE_UID = "slipway.dev/failed-release-uid";
    /** On config releases: digest of the App config they were made for. */
    public static final String ANNOTATION_CONFIG_DIGEST = "slipway.dev/config-digest";
    /** On releases made for a change of the App's process templates: digest of the templates they were made for. */
    public static final String ANNOTATION_PROCESSES_DIGEST = "slipway.dev/processes-digest";

    /**
     * Who made a release ("By" in the history): on Releases and Rollbacks kubectl-slipway creates, the kubeconfig
     * user; on releases the operator creates, copied from the Rollback or App edit that asked for them.
     */
    public static final String ANNOTATION_CREATED_BY = "slipway.dev/created-by";
    /**
     * Who created a Release or Rollback as the API server authenticated them, stamped by the optional admission
     * policy in deploy/created-by-user, which overwrites whatever the client sent; preferred over
     * {@link #ANNOTATION_CREATED_BY}, which the client declares itself. The operator's own creates are not stamped:
     * it copies the Rollback's value onto the release it makes for it.
     */
    public static final String ANNOTATION_CREATED_BY_USER = "slipway.dev/created-by-user";
    /**
     * On an App whose config kubectl-slipway changed: who changed it, and the digest of the config that edit
     * produced. The operator copies the name onto the config release only while the digest matches, so a later
     * edit by other means is not attributed to the last plugin user.
     */
    public static final String ANNOTATION_CONFIG_CHANGED_BY = "slipway.dev/config-changed-by";
    public static final String ANNOTATION_CONFIG_CHANGED_DIGEST = "slipway.dev/config-changed-digest";
    /** "By" of releases the operator makes on its own after a failed rollout. */
    public static final String AUTO_ROLLBACK_BY = "slipway (automatic rollback)";

    /** On the Secret and ConfigMap snapshots of App.spec.snapshotEnvFrom: marks them; the value is "true". */
    public static final String LABEL_ENV_SNAPSHOT = "slipway.dev/env-snapshot";
    /** On a snapshot: the object it copies, as Kind/name, e.g. Secret/db-credentials. */
    public static final String ANNOTATION_SNAPSHOT_OF = "slipway.dev/snapshot-of";
    /** On releases made because a snapshotted source changed: the digest of the sources' content they were made for. */
    public static final String ANNOTATION_ENV_DIGEST = "slipway.dev/env-digest";

    /** Env var names the operator sets itself; config vars may not use this prefix. */
    public static final String RESERVED_ENV_PREFIX = "SLIPWAY_";

    private Slipway() {
    }
}

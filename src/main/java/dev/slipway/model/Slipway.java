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

    /** Env var names the operator sets itself; config vars may not use this prefix. */
    public static final String RESERVED_ENV_PREFIX = "SLIPWAY_";

    private Slipway() {
    }
}

package dev.slipway.model.schema;

/**
 * The limits the CRD schema puts on fields, named by what they bound. Where Kubernetes itself is strict the limit
 * is Kubernetes' own (object names, label values, int32 numbers, quantities), so the API server rejects a bad App
 * up front as it rejects a bad Deployment; elsewhere it is a generous bound chosen per kind of value, so that no
 * string, list or map is unbounded (docs/api.md, "Schema bounds", lists them and why).
 */
public final class Bounds {
    /** Largest int32: Kubernetes reads replicas, ports and probe settings as int32. */
    public static final int INT32_MAX = Integer.MAX_VALUE;
    public static final int PORT_MAX = 65535;

    /** Names of Kubernetes objects (DNS-1123 subdomain), also host names and sysctl names. */
    public static final int NAME = 253;
    /** DNS labels: names that become part of other names, label values, claim names. */
    public static final int LABEL = 63;
    /** Qualified names (label, annotation and toleration keys): a 253-character prefix, '/', and 63 characters. */
    public static final int QUALIFIED_NAME = 317;
    /** Kubernetes refuses more than 256 KiB of annotations on an object; one value cannot be longer. */
    public static final int ANNOTATION_VALUE = 256 * 1024;
    /** A port name (IANA service name). */
    public static final int PORT_NAME = 15;

    /** One command-line argument: room for a script passed to {@code sh -c}; Linux takes at most 128 KiB. */
    public static final int ARGUMENT = 32 * 1024;
    /** File system paths (PATH_MAX) and URL paths. */
    public static final int PATH = 4096;
    /** Kubernetes' own limit on seccomp and AppArmor localhost profile paths. */
    public static final int PROFILE_PATH = 4095;
    /** Short free text: header values, SELinux labels, gRPC service names, sysctl values. */
    public static final int TEXT = 4096;
    /** A resource quantity such as 500m or 1.5Gi. */
    public static final int QUANTITY = 64;

    /** Lists and maps of pod settings: tolerations, pull secrets, selector and label maps, resources. */
    public static final int ITEMS = 64;
    /** Enough for supplementary groups: Kubernetes sets no limit, and so many groups is already unusual. */
    public static final int GROUPS = 256;

    /**
     * Kubernetes' pattern for a resource.Quantity written as a string (the one its OpenAPI publishes): a decimal
     * number with an optional binary (Ki … Ei), decimal (n, u, m, k … E) or exponent suffix.
     */
    public static final String QUANTITY_PATTERN =
        "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$";
    /** A release as users name it: a version ("v12" or "12") or a Release's object name (a DNS subdomain). */
    public static final String RELEASE_REF_PATTERN = "^(v?[0-9]+|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)$";
    /** Kubernetes' label values: empty, or alphanumerics with '-', '_' and '.' inside. */
    public static final String LABEL_VALUE_PATTERN = "^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$";
    /** A named port: lower case letters, digits and '-', not starting or ending with '-'. */
    public static final String PORT_NAME_PATTERN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

    private Bounds() {
    }
}

package dev.slipway.model;

/** Rules for config var maps, shared by App and Release so both reject the same names. */
public final class ConfigVars {
    public static final int MAX_VARS = 500;
    public static final int MAX_ENV_FROM = 32;
    /**
     * The env of every pod of the app, names and values together; well below the 1.5 MiB object limit of etcd.
     * The schema bounds each value by it (one value cannot be larger than the whole); the operator checks the sum.
     */
    public static final int MAX_CONFIG_BYTES = 128 * 1024;
    public static final String NAME_PATTERN = "^[-._a-zA-Z][-._a-zA-Z0-9]*$";
    public static final String NAME_RULE = "self.all(k, k.matches('" + NAME_PATTERN + "'))";
    public static final String NAME_MESSAGE =
        "config var names must consist of letters, digits, '_', '-' or '.', and must not start with a digit (e.g. LOG_LEVEL)";
    public static final String RESERVED_RULE = "self.all(k, !k.startsWith('" + Slipway.RESERVED_ENV_PREFIX + "'))";
    public static final String RESERVED_MESSAGE =
        "config var names starting with SLIPWAY_ are reserved for the metadata vars the operator sets; rename the var";

    private ConfigVars() {
    }
}

package dev.slipway.cli;

import dev.slipway.release.VersionRef;
import java.util.regex.Pattern;

/**
 * A release as the user names it on the command line: "v3", "3" or a Release name. Checked before anything is
 * sent, so that a typo never becomes a Rollback or Promotion the operator can only refuse.
 */
final class ReleaseArgs {
    static final String RULE = "name a release as vN or N (N a whole number from 1, e.g. v3) or by its Release name";

    private static final Pattern VERSION = Pattern.compile("v?([0-9]+)");
    /** What is meant as a version but is not one: "V3", "v3.0", "vv3", "3,1". */
    private static final Pattern ALMOST_VERSION = Pattern.compile("(?i)v*[0-9][0-9.,_]*");
    /** A Kubernetes object name (DNS subdomain). */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private ReleaseArgs() {
    }

    /** The text itself, once checked: for option and argument bindings. */
    static String check(String text) {
        parse(text);
        return text;
    }

    /** @throws IllegalArgumentException saying what is wrong with the text and what would be right */
    static VersionRef parse(String text) {
        var version = VERSION.matcher(text);
        if (version.matches()) {
            if (version.group(1).length() > 18 || Long.parseLong(version.group(1)) == 0) {
                throw new IllegalArgumentException("'" + text + "' is no version: versions start at v1 and have at most 18 digits; " + RULE);
            }
            return VersionRef.parse(text);
        }
        if (ALMOST_VERSION.matcher(text).matches() || text.length() > 253 || !NAME.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is neither a version nor a Release name; " + RULE);
        }
        return VersionRef.parse(text);
    }
}

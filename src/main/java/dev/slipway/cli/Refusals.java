package dev.slipway.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator's refusals and messages are written for people who edit YAML ("set spec.force: true", "kubectl get
 * releases -l ..."); a plugin user has flags and commands for the same things. This rewrites those phrases into the
 * plugin's terms, so every error names something the user can type.
 */
final class Refusals {
    private static final Pattern FORCE = Pattern.compile("set spec\\.force: true to ");
    private static final Pattern LIST = Pattern.compile("(?:; )?list them with kubectl get releases -l slipway\\.dev/app=([a-z0-9.-]+)");
    private static final Pattern LIST_IN_PARENS = Pattern.compile("\\(kubectl get releases -l slipway\\.dev/app=([a-z0-9.-]+)[^)]*\\)");
    private static final Pattern NO_MATCH = Pattern.compile("spec\\.(?:to|release) (\\S+) matches no release of App ([a-z0-9.-]+)");
    private static final Pattern PINNED = Pattern.compile("App is pinned to (\\S+) by spec\\.release; change the pin(?: to run this release)?");
    private static final Pattern CREATE_ROLLBACK = Pattern.compile("create a Rollback");
    private static final Pattern PINNED_HEALTH = Pattern.compile("pinned to it by spec\\.release, so it is not rolled back automatically: change the pin");

    private Refusals() {
    }

    /** @param app the App the message is about, for the commands it suggests */
    static String inPluginTerms(String message, String app) {
        if (message == null) {
            return null;
        }
        String text = FORCE.matcher(message).replaceAll("add --force to ");
        text = NO_MATCH.matcher(text).replaceAll(m -> Matcher.quoteReplacement("App " + m.group(2) + " has no release " + m.group(1)));
        text = LIST.matcher(text).replaceAll(m -> Matcher.quoteReplacement("; kubectl slipway releases -a " + m.group(1) + " lists them"));
        text = LIST_IN_PARENS.matcher(text).replaceAll(m -> Matcher.quoteReplacement("(kubectl slipway releases -a " + m.group(1) + " lists them)"));
        text = PINNED.matcher(text).replaceAll(m -> Matcher.quoteReplacement("App " + app + " is pinned to " + m.group(1)
            + "; move the pin with kubectl slipway pin vN -a " + app + ", or remove it with kubectl slipway unpin -a " + app));
        text = CREATE_ROLLBACK.matcher(text).replaceAll(Matcher.quoteReplacement("roll back with kubectl slipway rollback -a " + app));
        return PINNED_HEALTH.matcher(text).replaceAll(Matcher.quoteReplacement("pinned to it (kubectl slipway pin), so it is not rolled back "
            + "automatically: kubectl slipway pin vN -a " + app + " or kubectl slipway unpin -a " + app));
    }
}

package dev.slipway.cli;

import java.util.function.UnaryOperator;

/**
 * kubectl finds ~/.kube/config under $HOME, whatever it names. Fabric8 takes $HOME only when that directory exists and
 * otherwise falls back to the JVM's user.home, the account's home from the password database: with HOME pointing
 * elsewhere (a CI job, a sandbox, `HOME=/tmp/x kubectl slipway ...`) the plugin then read another user's kubeconfig.
 */
final class HomeDirectory {
    private HomeDirectory() {
    }

    /** Makes $HOME the JVM's home directory, for everything that looks up ~; called once, first thing in main. */
    static void followEnvironment(UnaryOperator<String> environment) {
        String home = environment.apply("HOME");
        if (home != null && !home.isBlank()) {
            System.setProperty("user.home", home);
        }
    }
}

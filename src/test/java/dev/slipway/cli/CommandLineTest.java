package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * kubectl-slipway's command line without a cluster: help for every command, the version, and the usage
 * errors, each with its message, the pointer to help and exit code 2. A line that parses gets as far as
 * reading the kubeconfig, which these tests point at a file that does not exist.
 */
class CommandLineTest {
    private static final String NO_KUBECONFIG = "/nonexistent/kubeconfig";
    private static final List<String> COMMANDS = List.of("apps", "releases", "releases info", "releases create-from",
        "releases promote", "releases manifest", "deploy", "rollback", "promote", "pin", "unpin", "config", "config set", "config unset",
        "config get", "releases diff");
    /** The commands that follow a rollout; only they take --no-wait and --timeout. */
    private static final List<String> WAITING = List.of("releases create-from", "releases promote", "deploy", "rollback", "promote",
        "pin", "unpin", "config set", "config unset");

    record Run(int exit, String out, String err) {
    }

    private static Run slipway(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = KubectlSlipway.run(new PrintWriter(out), new PrintWriter(err), args);
        assertThat(err.toString()).doesNotContain("\tat ").doesNotContain("Exception");
        return new Run(exit, out.toString(), err.toString());
    }

    private static String[] words(String command, String... more) {
        List<String> words = new ArrayList<>(List.of(command.split(" ")));
        words.addAll(List.of(more));
        return words.toArray(String[]::new);
    }

    @Test
    void theRootHelpListsTheCommandsButNotTheColonSpellingsAndTheExitCodes() {
        Run help = slipway("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.err()).isEmpty();
        assertThat(help.out()).isEqualTo("""
            Releases of Slipway Apps: history, deploys, rollbacks, config, promotion.

            Usage:
              kubectl slipway COMMAND [options]

            Commands:
              apps       List Apps: active version, latest version, pin, ready state.
              releases   Release history of an App, newest first.
              deploy     Create a release of IMAGE and follow its rollout.
              rollback   Roll back to a release (default: the one before the current that
                         did not fail), as a new release.
              promote    Make a release run (a staged one as it is, any other as a new
                         release); leaves no pin.
              pin        Pin the App to a release (App.spec.release) and follow its rollout;
                         newer releases wait.
              unpin      Remove the App's pin; the newest release runs again.
              config     Show the App's config vars (App.spec.config), with values.
              help       Display help information about the specified command.

            Options:
              -h, --help      Show this help message and exit.
              -V, --version   Print version information and exit.

            Use 'kubectl slipway COMMAND --help' for more about a command.

            Exit codes: 0 ok, 1 error, 2 usage, 3 not found, 4 forbidden, 5 refused or
            failed, 6 timed out.
            """);
        assertThat(slipway("-h").out()).isEqualTo(help.out());
        assertThat(slipway("help").out()).isEqualTo(help.out());
    }

    @Test
    void everyCommandHasHelpWithItsUsageAndTheCommonOptions() {
        for (String command : COMMANDS) {
            Run help = slipway(words(command, "--help"));
            assertThat(help.exit()).as(command).isZero();
            assertThat(help.out()).as(command).contains("\nUsage:\n  kubectl slipway " + command + " ")
                .contains("  -a, --app=APP ", "  -n, --namespace=NAMESPACE ", "      --context=CONTEXT ", "      --kubeconfig=FILE ")
                .contains("  -o, --output=FORMAT ", "  -h, --help ")
                .doesNotContain("--version");
            if (WAITING.contains(command)) {
                assertThat(help.out()).as(command).contains("      --no-wait ", "      --timeout=DURATION ");
                assertThat(help.out().replaceAll("\\s+", " ")).as(command).contains("Return once the request is made; do not follow the rollout.",
                    "How long to follow a rollout, e.g. 90s, 5m (default: 10m).");
            } else {
                assertThat(help.out()).as(command).doesNotContain("--no-wait", "--timeout");
            }
            // Descriptions wrap where the column is narrow; read as one line.
            assertThat(help.out().replaceAll("\\s+", " ")).as(command).contains("The App (default: $SLIPWAY_APP).",
                "Namespace (default: the namespace of the kubeconfig context, else \"default\").",
                "kubeconfig context (default: the current context).", "kubeconfig file (default: $KUBECONFIG, else ~/.kube/config).",
                "Output format: table, json, yaml (default: table).", "Show this help message and exit.");
            assertThat(slipway(words(command, "-h")).out()).as(command).isEqualTo(help.out());
            assertThat(slipway(words("help " + command)).out()).as(command).isEqualTo(help.out());
        }
    }

    @Test
    void helpShowsEachCommandsOwnArgumentsOptionsAndDefaults() {
        assertThat(slipway("releases", "--help").out()).startsWith("Release history of an App, newest first.\n\n"
                + "Usage:\n  kubectl slipway releases [COMMAND] [options]\n\nCommands:\n  info          Details of a release")
            .contains("      --num=N                 How many releases to show (default: 15).\n")
            .doesNotContain("releases:info");
        assertThat(slipway("deploy", "-h").out()).contains("Usage:\n  kubectl slipway deploy IMAGE [options]\n\nArguments:\n"
                + "  IMAGE   Image by tag or digest, e.g. registry.example/shop/web@sha256:...\n")
            .contains("  -m, --message=TEXT          Commit message or change summary.\n")
            .contains("      --description=TEXT      History text (default: Deploy <commit or tag>,\n");
        assertThat(slipway("rollback", "-h").out()).contains("kubectl slipway rollback [RELEASE] [options]", "--force");
        assertThat(slipway("releases", "create-from", "-h").out())
            .contains("--build-from=RELEASE", "--use-active-release-build", "--env-from=RELEASE", "--use-active-release-env", "--promote");
        assertThat(slipway("config", "set", "-h").out()).contains("kubectl slipway config set NAME=VALUE... [options]");
        assertThat(slipway("releases:info", "--help").out()).contains("Usage:\n  kubectl slipway releases:info [RELEASE] [options]")
            .contains("--show-values");
    }

    @Test
    void versionPrintsTheVersion() {
        Run version = slipway("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).matches("kubectl-slipway \\S+\n");
        assertThat(slipway("-V").out()).isEqualTo(version.out());
    }

    /** Every option of every command is accepted in its forms: each line fails only at the missing kubeconfig. */
    @Test
    void everyOptionOfEveryCommandParses() {
        List<List<String>> lines = List.of(
            List.of("apps", "-a", "shop", "-n", "shop", "--context", "ctx", "-o", "JSON"),
            List.of("releases", "--num", "3", "--app=shop", "--namespace=shop", "-oyaml"),
            List.of("releases:rollback", "v1", "--timeout=500ms"),
            List.of("config:get", "A"),
            List.of("releases", "diff", "v1", "v2", "--show-values"),
            List.of("releases:diff", "-o", "json"),
            List.of("releases", "info", "v3", "--show-values"),
            List.of("releases:info", "--show-values", "3"),
            List.of("releases", "create-from", "--build-from", "v1", "--env-from=v2", "--promote"),
            List.of("releases:create-from", "--use-active-release-build", "--use-active-release-env"),
            List.of("releases", "manifest", "v2", "--show-values"),
            List.of("releases:manifest"),
            List.of("deploy", "--commit", "abc", "registry.example/web:1", "--branch", "main", "--repository", "https://x", "-m", "fix",
                "--description", "Hotfix"),
            List.of("rollback", "v1", "--force"),
            List.of("rollback"),
            List.of("promote", "v2", "--timeout", "5m", "--force"),
            List.of("releases", "promote", "v2"),
            List.of("releases:promote", "v2", "--no-wait"),
            List.of("pin", "v2", "--timeout", "5m"),
            List.of("unpin", "--no-wait=true"),
            List.of("config", "-o", "json"),
            List.of("config", "set", "A=1", "B=2"),
            List.of("config:set", "A=1"),
            List.of("config", "unset", "A", "B"),
            List.of("config:unset", "A"),
            List.of("releases", "-a", "shop", "info", "v1"));
        for (List<String> line : lines) {
            List<String> args = new ArrayList<>(line);
            args.addAll(List.of("--kubeconfig", NO_KUBECONFIG));
            Run run = slipway(args.toArray(String[]::new));
            assertThat(run.err()).as("%s", line).isEqualTo("error: cannot read kubeconfig " + NO_KUBECONFIG + "\n");
            assertThat(run.exit()).isEqualTo(Exit.USAGE.code);
        }
    }

    @Test
    void usageErrorsSayWhatIsWrongAndPointToTheHelp() {
        assertUsage(List.of("releas"), "unknown command 'releas' for 'kubectl slipway'; did you mean 'releases'?", "kubectl slipway");
        assertUsage(List.of("status"), "unknown command 'status' for 'kubectl slipway'; the commands are apps, releases, deploy, "
            + "rollback, promote, pin, unpin, config, help", "kubectl slipway");
        assertUsage(List.of("releases", "infos"), "unknown command 'infos' for 'kubectl slipway releases'; did you mean 'info'?",
            "kubectl slipway releases");
        assertUsage(List.of("releases", "v3"), "unknown command 'v3' for 'kubectl slipway releases'; the commands are info, "
            + "create-from, promote, manifest, diff", "kubectl slipway releases");
        assertUsage(List.of("help", "nosuch"), "unknown command 'nosuch' for 'kubectl slipway'; the commands are apps, releases, "
            + "deploy, rollback, promote, pin, unpin, config, help", "kubectl slipway");
        assertUsage(List.of("releases", "--nmu", "3"), "unknown option '--nmu' for 'kubectl slipway releases'; did you mean '--num'?",
            "kubectl slipway releases");
        assertUsage(List.of("-a", "shop", "releases"), "unknown option '-a' for 'kubectl slipway'", "kubectl slipway");
        assertUsage(List.of("releases", "--num", "3", "info"), "unknown option '--num' for 'kubectl slipway releases info'",
            "kubectl slipway releases info");
        assertUsage(List.of("deploy"), "missing IMAGE; usage: kubectl slipway deploy IMAGE [options]", "kubectl slipway deploy");
        assertUsage(List.of("promote", "v1", "v2"), "unexpected argument 'v2'; usage: kubectl slipway promote RELEASE [options]",
            "kubectl slipway promote");
        assertUsage(List.of("config:unset"), "missing NAME; usage: kubectl slipway config:unset NAME... [options]",
            "kubectl slipway config:unset");
        assertUsage(List.of("unpin", "now"), "unexpected argument 'now'; usage: kubectl slipway unpin [options]", "kubectl slipway unpin");
        assertUsage(List.of("releases", "-o", "xml"), "bad value for -o: 'xml' is not one of table, json, yaml", "kubectl slipway releases");
        assertUsage(List.of("releases", "--num", "all"), "bad value for --num: 'all' is not a whole number", "kubectl slipway releases");
        assertUsage(List.of("deploy", "img", "--timeout", "soon"), "bad value for --timeout: 'soon' is not a duration; use e.g. 90s, "
            + "5m or 1h", "kubectl slipway deploy");
        assertUsage(List.of("deploy", "img", "-m"), "missing value for -m; give -m TEXT", "kubectl slipway deploy");
        assertUsage(List.of("releases", "create-from", "--env-from", "v1", "--use-active-release-env"),
            "--env-from and --use-active-release-env exclude each other; give only one", "kubectl slipway releases create-from");
        assertUsage(List.of("apps", "-n", "a", "-n", "b"), "--namespace is given more than once; give it once", "kubectl slipway apps");
        assertUsage(List.of("releases", "--num", "0"), "bad value for --num: '0' is not a count; give a whole number from 1",
            "kubectl slipway releases");
        assertUsage(List.of("releases", "--num", "-3"), "bad value for --num: '-3' is not a count; give a whole number from 1",
            "kubectl slipway releases");
        assertUsage(List.of("releases", "--no-wait"), "unknown option '--no-wait' for 'kubectl slipway releases'", "kubectl slipway releases");
        assertUsage(List.of("apps", "--timeout", "5m"), "unknown option '--timeout' for 'kubectl slipway apps'", "kubectl slipway apps");
    }

    @Test
    void noArgumentsPrintsTheHelp() {
        Run run = slipway();
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo(slipway("--help").out());
    }

    private static void assertUsage(List<String> args, String error, String command) {
        Run run = slipway(args.toArray(String[]::new));
        assertThat(run.exit()).as("%s", args).isEqualTo(Exit.USAGE.code);
        assertThat(run.err()).as("%s", args).isEqualTo("error: " + error + "\nSee '" + command + " --help'.\n");
        assertThat(run.out()).as("%s", args).isEmpty();
    }
}

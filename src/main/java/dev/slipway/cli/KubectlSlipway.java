package dev.slipway.cli;

import dev.slipway.cli.args.CommandSpec;
import dev.slipway.cli.args.HelpCommand;
import dev.slipway.cli.args.HelpPrinter;
import dev.slipway.cli.args.Invocation;
import dev.slipway.cli.args.Parser;
import dev.slipway.cli.args.UsageException;
import java.io.PrintWriter;
import java.util.List;

/**
 * kubectl-slipway: the Heroku/Convox release commands as a kubectl plugin. A plain main, no Quarkus: it starts,
 * makes a few API calls with the user's kubeconfig and exits.
 */
public final class KubectlSlipway {
    static final String NAME = "kubectl slipway";

    private KubectlSlipway() {
    }

    public static void main(String[] args) {
        // No SLF4J provider is shipped with the plugin; do not let SLF4J say so on every run.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        HomeDirectory.followEnvironment(System::getenv);
        Warmup.start();
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(out, err, Terminal.detect(System::getenv), args);
        out.flush();
        err.flush();
        // The HTTP client leaves threads behind; QuickExit also ends the one that would delay the exit.
        QuickExit.exit(code);
    }

    /** Runs one command line as in a pipe; what main does, minus System.exit, so tests can call it. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, Terminal.pipe(), args);
    }

    static int run(PrintWriter out, PrintWriter err, Terminal terminal, String... args) {
        int code = execute(out, err, new Screen(err, terminal), args);
        out.flush();
        err.flush();
        return code;
    }

    /** Every command, each bound to a new command object; made anew for each command line. */
    static CommandSpec commands(Screen screen) {
        CommandSpec releases = new ReleasesCommand().spec(screen);
        CommandSpec config = new ConfigCommand().spec(screen);
        CommandSpec root = new CommandSpec(NAME, "Releases of Slipway Apps: history, deploys, rollbacks, config, promotion.")
            .version(KubectlSlipway::version)
            .subcommand(new AppsCommand().spec(screen))
            .subcommand(releases)
            .subcommand(new DeployCommand().spec(screen))
            .subcommand(new RollbackCommand().spec(screen))
            .subcommand(new PromoteCommand().spec(screen))
            .subcommand(new PinCommand().spec(screen))
            .subcommand(new UnpinCommand().spec(screen))
            .subcommand(config)
            .footer("Exit codes: 0 ok, 1 error, 2 usage, 3 not found, 4 forbidden, 5 refused or failed, 6 timed out.");
        root.subcommand(HelpCommand.of(root));
        // `config get` is added here rather than in ConfigCommand: it is a command of its own that reads one var.
        config.subcommand(new ConfigGetCommand().spec(screen));
        // The Heroku and Convox spellings: `releases:info v3`, `releases rollback`, `releases:rollback v3`, `config:get K`.
        releases.hiddenAlias("rollback", new RollbackCommand().spec(screen));
        for (String name : List.of("info", "create-from", "promote", "manifest", "diff")) {
            releases.subcommand(name).ifPresent(command -> root.hiddenAlias("releases:" + name, command));
        }
        root.hiddenAlias("releases:rollback", releases.subcommand("rollback").orElseThrow());
        root.hiddenAlias("version", new CommandSpec("version", "Print the plugin's version.").action(out -> {
            out.println(version());
            return Exit.OK.code;
        }));
        for (String name : List.of("get", "set", "unset")) {
            root.hiddenAlias("config:" + name, config.subcommand(name).orElseThrow());
        }
        return root;
    }

    private static String version() {
        return "kubectl-slipway " + Version.get();
    }

    /** Usage errors get the line that points to help; every failure is one line on stderr, never a stack trace. */
    private static int execute(PrintWriter out, PrintWriter err, Screen screen, String... args) {
        try {
            Invocation invocation = Parser.parse(commands(screen), List.of(args));
            CommandSpec command = invocation.command().command();
            return switch (invocation.request()) {
                case HELP -> {
                    HelpPrinter.print(out, invocation.command());
                    yield Exit.OK.code;
                }
                case VERSION -> {
                    out.println(command.version().get());
                    yield Exit.OK.code;
                }
                case RUN -> command.action().run(out);
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("See '" + e.command().name() + " --help'.");
            return Exit.USAGE.code;
        } catch (RuntimeException e) {
            CliException failure = ApiErrors.translate(e, null);
            err.println("error: " + failure.getMessage());
            return failure.exit.code;
        }
    }
}

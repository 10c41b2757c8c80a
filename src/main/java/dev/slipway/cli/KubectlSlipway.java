package dev.slipway.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * kubectl-slipway: the Heroku/Convox release commands as a kubectl plugin. A plain main, no Quarkus: it starts,
 * makes a few API calls with the user's kubeconfig and exits.
 */
@Command(name = "kubectl slipway", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Releases of Slipway Apps: history, deploys, rollbacks, config, promotion.",
    footer = {"", "Exit codes: 0 ok, 1 error, 2 usage, 3 not found, 4 forbidden, 5 refused or failed, 6 timed out."},
    subcommands = {AppsCommand.class, ReleasesCommand.class, DeployCommand.class, RollbackCommand.class,
        PromoteCommand.class, UnpinCommand.class, ConfigCommand.class, CommandLine.HelpCommand.class})
public final class KubectlSlipway implements Runnable {
    /** The Heroku spellings: `releases:info v3`, `config:set K=V`. */
    private static final Object[][] COLON_ALIASES = {
        {"releases:info", ReleaseInfoCommand.class}, {"releases:create-from", CreateFromCommand.class},
        {"releases:manifest", ManifestCommand.class}, {"config:set", ConfigSetCommand.class},
        {"config:unset", ConfigUnsetCommand.class}};

    public static void main(String[] args) {
        // No SLF4J provider is shipped with the plugin; do not let SLF4J say so on every run.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        // The HTTP client leaves threads behind; QuickExit also ends the one that would delay the exit.
        QuickExit.exit(code);
    }

    /** Runs one command line; what main does, minus System.exit, so tests can call it. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new KubectlSlipway());
        // Added first: the settings below apply to the subcommands that exist when they are made.
        for (Object[] alias : COLON_ALIASES) {
            CommandLine command = new CommandLine(alias[1]);
            command.getCommandSpec().usageMessage().hidden(true);
            commandLine.addSubcommand((String) alias[0], command);
        }
        commandLine.setOut(out)
            .setErr(err)
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setExecutionExceptionHandler(executionErrors())
            .setParameterExceptionHandler(usageErrors());
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new ParameterException(new CommandLine(this), "which command? kubectl slipway --help lists them");
    }

    /** One line on stderr, never a stack trace. */
    private static IExecutionExceptionHandler executionErrors() {
        return (e, commandLine, parseResult) -> {
            CliException failure = e instanceof CliException cli ? cli
                : e instanceof ParameterException usage ? new CliException(Exit.USAGE, usage.getMessage())
                : ApiErrors.translate(e instanceof RuntimeException runtime ? runtime : new RuntimeException(e.toString()), null);
            commandLine.getErr().println("error: " + failure.getMessage());
            return failure.exit.code;
        };
    }

    private static IParameterExceptionHandler usageErrors() {
        return (e, args) -> {
            CommandLine command = e.getCommandLine();
            command.getErr().println("error: " + e.getMessage());
            command.getErr().println("See '" + command.getCommandSpec().qualifiedName() + " --help'.");
            return Exit.USAGE.code;
        };
    }
}

package dev.slipway.cli;

import dev.slipway.cli.args.CommandSpec;
import dev.slipway.cli.args.Conversions;
import dev.slipway.cli.args.Option;
import java.nio.file.Path;
import java.time.Duration;

/** The options every command takes: which cluster, namespace and App, how to print, whether to wait. */
final class CommonOptions {
    static final String APP_VARIABLE = "SLIPWAY_APP";

    String app;
    String namespace;
    String context;
    Path kubeconfig;
    Format output;
    boolean noWait;
    Duration timeout;

    /** Adds them all to a command, after its own options, bound to this object. */
    void addTo(CommandSpec command) {
        addTo(command, true);
    }

    /** @param waits whether the command follows a rollout: only then do --no-wait and --timeout mean something */
    void addTo(CommandSpec command, boolean waits) {
        command.option(Option.named("-a", "--app").label("APP").describe("The App.")
                .defaultValue(System.getenv(APP_VARIABLE), "$" + APP_VARIABLE).to(text -> app = text))
            .option(Option.named("-n", "--namespace").label("NAMESPACE").describe("Namespace.")
                .shownDefault("the namespace of the kubeconfig context, else \"default\"").to(text -> namespace = text))
            .option(Option.named("--context").label("CONTEXT").describe("kubeconfig context.")
                .shownDefault("the current context").to(text -> context = text))
            .option(Option.named("--kubeconfig").label("FILE").describe("kubeconfig file.")
                .shownDefault("$KUBECONFIG, else ~/.kube/config").to(text -> kubeconfig = Path.of(text)))
            .option(Option.named("-o", "--output").label("FORMAT").describe("Output format: " + Conversions.names(Format.values()) + ".")
                .defaultValue(Format.table.name()).to(text -> output = Conversions.choice(text, Format.values())));
        if (!waits) {
            return;
        }
        command.option(Option.named("--no-wait").describe("Return once the request is made; do not follow the rollout.")
                .flag(on -> noWait = on))
            .option(Option.named("--timeout").label("DURATION").describe("How long to follow a rollout, e.g. 90s, 5m.")
                .defaultValue("10m").to(text -> timeout = Conversions.duration(text)));
    }

    String requireApp() {
        if (app == null || app.isBlank()) {
            throw new CliException(Exit.USAGE, "which App? Give -a/--app APP or set SLIPWAY_APP; kubectl slipway apps lists them");
        }
        return app;
    }
}

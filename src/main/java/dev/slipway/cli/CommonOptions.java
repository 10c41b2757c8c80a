package dev.slipway.cli;

import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options every command takes: which cluster, namespace and App, how to print, whether to wait. */
final class CommonOptions {
    @Option(names = {"-a", "--app"}, paramLabel = "APP", defaultValue = "${env:SLIPWAY_APP}",
        description = "The App (default: $SLIPWAY_APP).")
    String app;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
        description = "Namespace (default: the namespace of the kubeconfig context, else \"default\").")
    String namespace;

    @Option(names = "--context", paramLabel = "CONTEXT", description = "kubeconfig context (default: the current context).")
    String context;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "kubeconfig file (default: $KUBECONFIG, else ~/.kube/config).")
    Path kubeconfig;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
        description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format output;

    @Option(names = "--no-wait", description = "Return once the request is made; do not follow the rollout.")
    boolean noWait;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
        description = "How long to follow a rollout, e.g. 90s, 5m (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    String requireApp() {
        if (app == null || app.isBlank()) {
            throw new CliException(Exit.USAGE, "which App? Give -a/--app APP or set SLIPWAY_APP; kubectl slipway apps lists them");
        }
        return app;
    }
}

package dev.slipway.cli;

import dev.slipway.cli.args.CommandSpec;
import dev.slipway.model.App;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * `config`: App.spec.config with values, like `heroku config`: this command exists to show them, so it does;
 * history commands show names only unless --show-values.
 */
final class ConfigCommand extends SlipwayCommand {

    @Override
    CommandSpec describe() {
        return new CommandSpec("config", "Show the App's config vars (App.spec.config), with values.")
            .subcommand(new ConfigSetCommand().spec(screen()))
            .subcommand(new ConfigUnsetCommand().spec(screen()));
    }

    @Override
    void run(Session session) {
        String app = options.requireApp();
        App current = session.app(app);
        Map<String, String> config = new TreeMap<>(current.getSpec().getConfig() == null ? Map.of() : current.getSpec().getConfig());
        print(config, () -> {
            if (config.isEmpty()) {
                out().println("App " + app + " has no config vars; kubectl slipway config set NAME=VALUE -a " + app + " adds one.");
                envFrom(session, current);
                return;
            }
            out().println("=== " + app + " config vars");
            Table table = new Table(config.keySet().iterator().next() + ":", config.values().iterator().next());
            config.entrySet().stream().skip(1).forEach(e -> table.row(e.getKey() + ":", e.getValue()));
            table.print(out());
            envFrom(session, current);
        });
    }

    /** With snapshotEnvFrom: the keys the running release's snapshots add, and the object each comes from (no values). */
    private void envFrom(Session session, App app) {
        var active = app.getStatus() == null ? null : app.getStatus().getActiveRelease();
        if (active == null || !Boolean.TRUE.equals(app.getSpec().getSnapshotEnvFrom())) {
            return;
        }
        List<String> lines = EnvFromLines.of(session.releases(app.getMetadata().getName()).stream()
            .filter(r -> active.getName().equals(r.getMetadata().getName())).findFirst().orElse(null));
        if (!lines.isEmpty()) {
            out().println("=== env from v" + active.getVersion() + " (names only)");
            lines.forEach(line -> out().println(line));
        }
    }
}

package dev.slipway.cli;

import dev.slipway.cli.args.CommandSpec;
import dev.slipway.model.App;
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
            .subcommand(new ConfigSetCommand().spec())
            .subcommand(new ConfigUnsetCommand().spec());
    }

    @Override
    void run(Session session) {
        String app = options.requireApp();
        App current = session.app(app);
        Map<String, String> config = new TreeMap<>(current.getSpec().getConfig() == null ? Map.of() : current.getSpec().getConfig());
        print(config, () -> {
            if (config.isEmpty()) {
                out().println("App " + app + " has no config vars; kubectl slipway config set NAME=VALUE -a " + app + " adds one.");
                return;
            }
            out().println("=== " + app + " config vars");
            Table table = new Table(config.keySet().iterator().next() + ":", config.values().iterator().next());
            config.entrySet().stream().skip(1).forEach(e -> table.row(e.getKey() + ":", e.getValue()));
            table.print(out());
        });
    }
}

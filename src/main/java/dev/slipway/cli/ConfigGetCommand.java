package dev.slipway.cli;

import dev.slipway.cli.args.CommandSpec;
import dev.slipway.cli.args.Positional;
import dev.slipway.model.App;
import java.util.Map;

/** `config get NAME` (`config:get`): one var's value alone, as `heroku config:get` prints it for scripts. */
final class ConfigGetCommand extends SlipwayCommand {
    private String name;

    @Override
    CommandSpec describe() {
        return new CommandSpec("get", "Print the value of one config var.")
            .positional(Positional.one("NAME", "The config var.", text -> name = text));
    }

    @Override
    void run(Session session) {
        String app = options.requireApp();
        App current = session.app(app);
        Map<String, String> config = current.getSpec().getConfig() == null ? Map.of() : current.getSpec().getConfig();
        if (!config.containsKey(name)) {
            throw new CliException(Exit.NOT_FOUND, "App " + app + " has no config var " + name + "; kubectl slipway config -a " + app + " lists them");
        }
        print(Map.of(name, config.get(name)), () -> out().println(config.get(name)));
    }
}

package dev.slipway.cli;

import dev.slipway.cli.args.CommandSpec;
import dev.slipway.cli.args.Positional;
import java.util.ArrayList;
import java.util.List;

/** `config unset K …`: removes vars; names that are not set are ignored, like `heroku config:unset`. */
final class ConfigUnsetCommand extends ConfigChangeCommand {
    private final List<String> names = new ArrayList<>();

    @Override
    CommandSpec describe() {
        return new CommandSpec("unset", "Unset config vars; the operator makes a release without them.")
            .positional(Positional.oneOrMore("NAME", "Config vars to remove.", names::add));
    }

    @Override
    void run(Session session) {
        String app = options.requireApp();
        names.forEach(ConfigSetCommand::checkedName);
        change(session, app, "Unsetting " + String.join(", ", names), config -> names.forEach(config::remove));
    }
}

package dev.slipway.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `config unset K …`: removes vars; names that are not set are ignored, like `heroku config:unset`. */
@Command(name = "unset", description = "Unset config vars; the operator makes a release without them.")
final class ConfigUnsetCommand extends ConfigChangeCommand {
    @Parameters(arity = "1..*", paramLabel = "NAME", description = "Config vars to remove.")
    List<String> names;

    @Override
    void run(Session session) {
        String app = options.requireApp();
        names.forEach(ConfigSetCommand::checkedName);
        change(session, app, "Unsetting " + String.join(", ", names), config -> names.forEach(config::remove));
    }
}

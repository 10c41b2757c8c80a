package dev.slipway.cli;

import dev.slipway.cli.args.CommandSpec;
import dev.slipway.cli.args.Positional;
import dev.slipway.model.ConfigVars;
import dev.slipway.model.Slipway;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** `config set K=V …`: one App edit, so one Config release, for all the vars given. */
final class ConfigSetCommand extends ConfigChangeCommand {
    private static final Pattern NAME = Pattern.compile(ConfigVars.NAME_PATTERN);

    private final List<String> assignments = new ArrayList<>();

    @Override
    CommandSpec describe() {
        return new CommandSpec("set", "Set config vars; the operator makes a release with the new config.")
            .positional(Positional.oneOrMore("NAME=VALUE", "Config vars to set.", assignments::add));
    }

    @Override
    void run(Session session) {
        String app = options.requireApp();
        Map<String, String> vars = parse(assignments);
        change(session, app, "Setting " + String.join(", ", vars.keySet()), config -> config.putAll(vars));
    }

    /** Checked here as the CRD would, so a typo fails before anything is written; the message names, never values. */
    static Map<String, String> parse(List<String> assignments) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String assignment : assignments) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                throw new CliException(Exit.USAGE, "config vars are NAME=VALUE; got an argument without a name and '='");
            }
            vars.put(checkedName(assignment.substring(0, equals)), assignment.substring(equals + 1));
        }
        return vars;
    }

    static String checkedName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new CliException(Exit.USAGE, "'" + name + "' is not a valid config var name: " + ConfigVars.NAME_MESSAGE);
        }
        if (name.startsWith(Slipway.RESERVED_ENV_PREFIX)) {
            throw new CliException(Exit.USAGE, "'" + name + "': " + ConfigVars.RESERVED_MESSAGE);
        }
        return name;
    }
}

package dev.slipway.cli;

import dev.slipway.cli.args.CommandSpec;
import dev.slipway.cli.args.Option;
import dev.slipway.cli.args.Positional;
import dev.slipway.model.ReleaseSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** `releases info [vN]`: one release in full, like `heroku releases:info v24`. */
final class ReleaseInfoCommand extends SlipwayCommand {
    private String release;
    private boolean showValues;

    @Override
    CommandSpec describe() {
        return new CommandSpec("info", "Details of a release (default: the newest).")
            .positional(Positional.optional("RELEASE", "v3, 3 or a Release name.", text -> release = ReleaseArgs.check(text)))
            .option(Option.named("--show-values").describe("Show config values, not only their names.").flag(on -> showValues = on));
    }

    @Override
    void run(Session session) {
        String app = options.requireApp();
        session.app(app);
        ReleaseDetails details = ReleaseDetails.of(History.of(session, app).find(release), showValues);
        print(details, () -> {
            out().println("=== " + app + " " + (details.version() == null ? details.name() : "v" + details.version()));
            Table table = new Table("Change:", details.change());
            table.row("By:", details.by());
            table.row("When:", Ago.of(details.createdAt(), Instant.now()) + " (" + details.createdAt() + ")");
            table.row("Image:", details.image());
            table.row("Source:", source(details.source()));
            config(details, table);
            String label = "Env from:";
            for (String line : details.envFrom()) {
                table.row(label, line);
                label = "";
            }
            table.row("Phase:", details.phase());
            table.row("Message:", details.message());
            table.row("Cause:", details.cause());
            if (details.rollbackOf() != null) {
                table.row("Rollback of:", "v" + details.rollbackOf());
            }
            table.row("Name:", details.name());
            table.print(out());
        });
    }

    private static String source(ReleaseSource source) {
        if (source == null) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        if (source.getCommit() != null) {
            parts.add(source.getCommit());
        }
        if (source.getBranch() != null) {
            parts.add("(" + source.getBranch() + ")");
        }
        if (source.getRepository() != null) {
            parts.add(source.getRepository());
        }
        if (source.getMessage() != null) {
            parts.add("\"" + ApiErrors.firstLine(source.getMessage()) + "\"");
        }
        return parts.isEmpty() ? "-" : String.join(" ", parts);
    }

    /** Names on one line; values, when asked for, one var per line. */
    private static void config(ReleaseDetails details, Table table) {
        if (details.configNames().isEmpty()) {
            table.row("Config:", "(none)");
        } else if (details.config() == null) {
            table.row("Config:", String.join(", ", details.configNames()) + "   (values: --show-values)");
        } else {
            String label = "Config:";
            for (var entry : details.config().entrySet()) {
                table.row(label, entry.getKey() + "=" + entry.getValue());
                label = "";
            }
        }
    }
}

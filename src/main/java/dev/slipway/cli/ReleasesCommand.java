package dev.slipway.cli;

import dev.slipway.model.Release;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `releases`: the history, newest first, like `heroku releases`. */
@Command(name = "releases", description = "Release history of an App, newest first.",
    subcommands = {ReleaseInfoCommand.class, CreateFromCommand.class, ManifestCommand.class})
final class ReleasesCommand extends SlipwayCommand {
    @Option(names = "--num", paramLabel = "N", defaultValue = "15", description = "How many releases to show (default: ${DEFAULT-VALUE}).")
    int num;

    @Override
    void run(Session session) {
        String app = options.requireApp();
        session.app(app);
        List<Release> releases = History.of(session, app).newestFirst().stream().limit(Math.max(0, num)).toList();
        List<ReleaseSummary> summaries = releases.stream().map(ReleaseSummary::of).toList();
        print(summaries, () -> {
            if (summaries.isEmpty()) {
                out().println("App " + app + " has no releases yet; kubectl slipway deploy IMAGE -a " + app + " makes the first.");
                return;
            }
            Instant now = Instant.now();
            Table table = new Table("VERSION", "CHANGE", "BY", "WHEN", "PHASE");
            summaries.forEach(r -> table.row(r.version() == null ? "-" : "v" + r.version(), r.change(), r.by(),
                Ago.of(r.createdAt(), now), r.phase()));
            table.print(out());
        });
    }
}

package dev.slipway.cli;

import dev.slipway.cli.args.CommandSpec;
import dev.slipway.cli.args.Conversions;
import dev.slipway.cli.args.Option;
import dev.slipway.model.Release;
import java.time.Instant;
import java.util.List;

/** `releases`: the history, newest first, like `heroku releases`. */
final class ReleasesCommand extends SlipwayCommand {
    private int num;

    @Override
    CommandSpec describe() {
        return new CommandSpec("releases", "Release history of an App, newest first.")
            .option(Option.named("--num").label("N").describe("How many releases to show.").defaultValue("15")
                .to(text -> num = Conversions.count(text)))
            .subcommand(new ReleaseInfoCommand().spec(screen()))
            .subcommand(new CreateFromCommand().spec(screen()))
            .subcommand(new PromoteCommand().spec(screen()))
            .subcommand(new ManifestCommand().spec(screen()))
            .subcommand(new DiffCommand().spec(screen()));
    }

    @Override
    void run(Session session) {
        String app = options.requireApp();
        // Heroku's `releases -n 5` is a count; here -n is kubectl's namespace, and no namespace is only digits in practice.
        if (options.namespace != null && options.namespace.matches("[0-9]+")) {
            throw new CliException(Exit.USAGE, "-n is the namespace, as in kubectl, so '" + options.namespace + "' was read as namespace \""
                + options.namespace + "\"; for the number of releases give --num " + options.namespace);
        }
        session.app(app);
        List<Release> releases = History.of(session, app).newestFirst().stream().limit(num).toList();
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
            // The description and the user are free text: they give way to the terminal's width, the rest does not.
            table.shrinking(1, 2).print(out(), width());
        });
    }
}

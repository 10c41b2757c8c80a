package dev.slipway.cli;

import dev.slipway.cli.args.CommandSpec;
import dev.slipway.cli.args.Option;
import dev.slipway.cli.args.Positional;
import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.release.Releases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * `releases diff [FROM] [TO]`: what changed between two releases, like helm-diff but for history. Without arguments the
 * active release against the one before it; with one, that release against the one before it.
 */
final class DiffCommand extends SlipwayCommand {
    private static final String ARROW = " -> ";

    private String from;
    private String to;
    private boolean showValues;

    @Override
    CommandSpec describe() {
        return new CommandSpec("diff", "What changed between two releases: image, source, config names, envFrom, processes.")
            .positional(Positional.optional("FROM", "v3, 3 or a Release name (default: the release before TO).",
                text -> from = ReleaseArgs.check(text)))
            .positional(Positional.optional("TO", "v4, 4 or a Release name (default: the active release).", text -> to = ReleaseArgs.check(text)))
            .option(Option.named("--show-values").describe("Show the values of config vars that changed.").flag(on -> showValues = on));
    }

    @Override
    void run(Session session) {
        String appName = options.requireApp();
        App app = session.app(appName);
        History history = History.of(session, appName);
        // One argument is the release to look at, as in `releases info vN`: compared with the one before it.
        String newer = to != null ? to : from;
        String older = to != null ? from : null;
        Release after = newer != null ? numbered(history.find(newer)) : active(app, history);
        Release before = older != null ? numbered(history.find(older)) : previous(history, after, appName);
        ReleaseDiff diff = ReleaseDiff.of(before, after, showValues, session.client().getKubernetesSerialization());
        print(diff, () -> table(appName, diff));
    }

    private static Release active(App app, History history) {
        var active = app.getStatus() == null ? null : app.getStatus().getActiveRelease();
        return active != null ? history.find(active.getName()) : history.find(null);
    }

    private static Release previous(History history, Release release, String app) {
        return history.newestFirst().stream().filter(Releases::isNumbered)
            .filter(r -> Releases.version(r) < Releases.version(release)).findFirst()
            .orElseThrow(() -> new CliException(Exit.NOT_FOUND, Releases.label(release) + " is the first release of App " + app
                + "; nothing before it to compare with (kubectl slipway releases info " + Releases.label(release) + " -a " + app + " shows it)"));
    }

    private static Release numbered(Release release) {
        if (!Releases.isNumbered(release)) {
            throw new CliException(Exit.FAILED, "release " + release.getMetadata().getName() + " has no version yet; compare it once it is numbered");
        }
        return release;
    }

    private void table(String app, ReleaseDiff diff) {
        out().println("=== " + app + ": v" + diff.from().version() + ARROW + "v" + diff.to().version());
        Table table = new Table("Image:", change(diff.image().from(), diff.image().to(), diff.image().changed()));
        if (diff.source() != null) {
            table.row("Source:", change(orNone(diff.source().from()), orNone(diff.source().to()), diff.source().changed()));
            if (diff.source().compareUrl() != null) {
                table.row("Compare:", diff.source().compareUrl());
            }
        }
        ReleaseDiff.ConfigDiff config = diff.config();
        table.row("Config:", config.empty() ? "unchanged" : names(List.of("added", "removed", "changed"),
            List.of(config.added(), config.removed(), config.changed())));
        if (config.values() != null) {
            config.values().forEach((name, values) -> table.row("", name + ": " + orNone(values.get(0)) + ARROW + orNone(values.get(1))));
        }
        table.row("EnvFrom:", diff.envFrom().empty() ? "unchanged"
            : names(List.of("added", "removed"), List.of(diff.envFrom().added(), diff.envFrom().removed())));
        table.row("Processes:", processes(diff.processes(), diff));
        table.print(out());
    }

    private static String processes(ReleaseDiff.ProcessesDiff processes, ReleaseDiff diff) {
        if (processes == null) {
            return "not compared: v" + diff.from().version() + " or v" + diff.to().version()
                + " predates process templates in releases (it ran the App's templates of its day)";
        }
        if (processes.empty()) {
            return "unchanged";
        }
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : processes.changed().entrySet()) {
            changed.add(entry.getKey() + " (" + String.join(", ", entry.getValue()) + ")");
        }
        return names(List.of("added", "removed", "changed"), List.of(processes.added(), processes.removed(), changed));
    }

    /** "added FOO, BAR; changed LOG_LEVEL": the non-empty groups only. */
    private static String names(List<String> labels, List<List<String>> groups) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            if (!groups.get(i).isEmpty()) {
                parts.add(labels.get(i) + " " + String.join(", ", groups.get(i)));
            }
        }
        return String.join("; ", parts);
    }

    private static String change(String before, String after, boolean changed) {
        return changed ? before + ARROW + after : "unchanged (" + after + ")";
    }

    private static String orNone(String text) {
        return text == null ? "(none)" : text;
    }
}

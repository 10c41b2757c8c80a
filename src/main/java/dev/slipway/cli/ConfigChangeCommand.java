package dev.slipway.cli;

import dev.slipway.model.Release;
import dev.slipway.release.Releases;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** `config set` and `config unset`: edit App.spec.config, then follow the Config release the operator makes. */
abstract class ConfigChangeCommand extends SlipwayCommand {

    @Override
    boolean waits() {
        return true;
    }

    /** @param doing "Setting LOG_LEVEL, FOO" (names only, never values) */
    void change(Session session, String app, String doing, Consumer<Map<String, String>> change) {
        ConfigEdit.Edit edit = ConfigEdit.apply(session, app, change);
        if (edit.digest().isEmpty()) {
            print(Map.of("app", app, "changed", false), () -> out().println(doing + " on " + app + " ... no change, nothing to do"));
            return;
        }
        String digest = edit.digest().get();
        if (options.noWait) {
            print(Map.of("app", app, "changed", true), () -> out().println(doing + " on " + app + " ... done (not waiting for the release)"));
            return;
        }
        Progress progress = progress(doing + " on " + app);
        Optional<Rollouts.Outcome> outcome = progress.run(p -> {
            Optional<Release> made = Poll.until(options.timeout, () -> ConfigEdit.made(session, app, digest),
                () -> "for the operator to act on the new config of " + app + "; is the Slipway operator running?");
            return made.map(release -> Rollouts.follow(session, app, release.getMetadata().getName(), options.timeout, p::observe));
        }, o -> o.map(Rollouts.Outcome::describe).orElse("done (no new release: " + whyNoRelease(session, app) + ")"));
        if (!table()) {
            Printer.print(out(), options.output, outcome.<Object>map(o -> ReleaseDetails.of(o.release(), false))
                .orElse(Map.of("app", app, "changed", true)));
        }
    }

    private static String whyNoRelease(Session session, String app) {
        boolean any = session.releases(app).stream().anyMatch(Releases::isNumbered);
        return any ? "the newest release already has this config" : "the App has no release yet; the config seeds the first";
    }
}

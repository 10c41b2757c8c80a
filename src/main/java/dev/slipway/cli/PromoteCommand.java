package dev.slipway.cli;

import dev.slipway.cli.args.CommandSpec;
import dev.slipway.cli.args.Option;
import dev.slipway.cli.args.Positional;
import dev.slipway.model.App;
import dev.slipway.model.Promotion;
import dev.slipway.model.PromotionSpec;
import dev.slipway.model.Slipway;
import dev.slipway.release.VersionRef;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * `promote vN` (also `releases promote vN`): a Promotion request, Convox's `releases promote`. The operator runs the
 * newest staged release as it is, or makes a new release copying vN; we follow the release that runs. Leaves no pin.
 */
final class PromoteCommand extends SlipwayCommand {
    private String release;
    private boolean force;

    @Override
    boolean waits() {
        return true;
    }

    @Override
    CommandSpec describe() {
        return new CommandSpec("promote", "Make a release run (a staged one as it is, any other as a new release); leaves no pin.")
            .positional(Positional.one("RELEASE", "v3, 3 or a Release name.", text -> release = ReleaseArgs.check(text)))
            .option(Option.named("--force").describe("Promote a release even when its rollout failed.").flag(on -> force = on));
    }

    @Override
    void run(Session session) {
        String app = options.requireApp();
        App current = session.app(app);
        History history = History.of(session, app);
        history.find(release);
        Promotion request = promotion(app, session);
        Preflight.promote(current, history, request);
        Promotion created = session.client().resource(request).create();
        String name = created.getMetadata().getName();
        if (options.noWait) {
            print(Map.of("promotion", name), () -> out().println("Promoting " + release + " on " + app + " ... created promotion "
                + name + " (not waiting; kubectl get promotion " + name + " -n " + session.namespace() + ")"));
            return;
        }
        Promotion decided = Decisions.await(session, Promotion.class, "promotion", app, name, options.timeout);
        Rollouts.Outcome outcome = progress("Promoting " + VersionRef.parse(release) + " on " + app)
            .run(p -> Rollouts.untilActive(session, app, decided.getStatus().getRelease(), options.timeout, p::observe), Rollouts.Outcome::describe);
        if (!table()) {
            Printer.print(out(), options.output, ReleaseDetails.of(outcome.release(), false));
        }
    }

    private Promotion promotion(String app, Session session) {
        Promotion promotion = new Promotion();
        promotion.getMetadata().setGenerateName(app + "-promote-");
        promotion.getMetadata().setNamespace(session.namespace());
        promotion.getMetadata().setLabels(new LinkedHashMap<>(Map.of(Slipway.LABEL_APP, app)));
        promotion.getMetadata().setAnnotations(new LinkedHashMap<>(Map.of(Slipway.ANNOTATION_CREATED_BY, session.user())));
        PromotionSpec spec = new PromotionSpec();
        spec.setApp(app);
        // Versions go as "v3", names as they are; the operator accepts both in spec.release.
        spec.setRelease(new IntOrString(VersionRef.parse(release).toString()));
        spec.setForce(force ? Boolean.TRUE : null);
        promotion.setSpec(spec);
        return promotion;
    }
}

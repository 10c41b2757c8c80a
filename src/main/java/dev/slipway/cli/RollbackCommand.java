package dev.slipway.cli;

import dev.slipway.cli.args.CommandSpec;
import dev.slipway.cli.args.Option;
import dev.slipway.cli.args.Positional;
import dev.slipway.model.App;
import dev.slipway.model.Rollback;
import dev.slipway.model.RollbackSpec;
import dev.slipway.model.Slipway;
import dev.slipway.release.VersionRef;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.LinkedHashMap;
import java.util.Map;

/** `rollback [vN]`: a Rollback request; the operator makes a new release copying vN, which we follow. */
final class RollbackCommand extends SlipwayCommand {
    private String to;
    private boolean force;

    @Override
    boolean waits() {
        return true;
    }

    @Override
    CommandSpec describe() {
        return new CommandSpec("rollback", "Roll back to a release (default: the one before the current that did not fail), as a new release.")
            .positional(Positional.optional("RELEASE", "v3, 3 or a Release name.", text -> to = ReleaseArgs.check(text)))
            .option(Option.named("--force").describe("Roll back to a release even when its rollout failed.").flag(on -> force = on));
    }

    @Override
    void run(Session session) {
        String app = options.requireApp();
        App current = session.app(app);
        History history = History.of(session, app);
        if (to != null) {
            history.find(to);
        }
        Rollback request = rollback(app, session);
        Preflight.rollback(current, history, request);
        Rollback created = session.client().resource(request).create();
        String name = created.getMetadata().getName();
        if (options.noWait) {
            print(Map.of("rollback", name), () -> out().println("Rolling back " + app + " ... created rollback " + name
                + " (not waiting; kubectl get rollback " + name + " -n " + session.namespace() + ")"));
            return;
        }
        Rollback decided = Decisions.await(session, Rollback.class, "rollback", app, name, options.timeout);
        Rollouts.Outcome outcome = progress("Rolling back to v" + decided.getStatus().getTo() + " on " + app)
            .run(p -> Rollouts.follow(session, app, decided.getStatus().getRelease(), options.timeout, p::observe), Rollouts.Outcome::describe);
        if (!table()) {
            Printer.print(out(), options.output, ReleaseDetails.of(outcome.release(), false));
        }
    }

    private Rollback rollback(String app, Session session) {
        Rollback rollback = new Rollback();
        rollback.getMetadata().setGenerateName(app + "-rollback-");
        rollback.getMetadata().setNamespace(session.namespace());
        rollback.getMetadata().setLabels(new LinkedHashMap<>(Map.of(Slipway.LABEL_APP, app)));
        rollback.getMetadata().setAnnotations(new LinkedHashMap<>(Map.of(Slipway.ANNOTATION_CREATED_BY, session.user())));
        RollbackSpec spec = new RollbackSpec();
        spec.setApp(app);
        if (to != null) {
            // Versions go as "v3", names as they are; the operator accepts both in spec.to.
            VersionRef ref = VersionRef.parse(to);
            spec.setTo(new IntOrString(ref.toString()));
        }
        spec.setForce(force ? Boolean.TRUE : null);
        rollback.setSpec(spec);
        return rollback;
    }
}

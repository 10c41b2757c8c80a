package dev.slipway.cli;

import dev.slipway.cli.args.CommandSpec;
import dev.slipway.cli.args.Option;
import dev.slipway.cli.args.Positional;
import dev.slipway.model.Release;
import dev.slipway.model.ReleaseSource;
import dev.slipway.model.ReleaseSpec;
import dev.slipway.release.Releases;

/** `deploy IMAGE`: a new Release of the App, followed until it runs. */
final class DeployCommand extends SlipwayCommand {
    private String image;
    private String commit;
    private String branch;
    private String repository;
    private String message;
    private String description;

    @Override
    boolean waits() {
        return true;
    }

    @Override
    CommandSpec describe() {
        return new CommandSpec("deploy", "Create a release of IMAGE and follow its rollout.")
            .positional(Positional.one("IMAGE", "Image by tag or digest, e.g. registry.example/shop/web@sha256:...", text -> image = ImageArgs.check(text)))
            .option(Option.named("--commit").label("SHA").describe("Commit the image was built from.").to(text -> commit = text))
            .option(Option.named("--branch").label("BRANCH").describe("Branch of the commit.").to(text -> branch = text))
            .option(Option.named("--repository").label("URL").describe("Repository URL.").to(text -> repository = text))
            .option(Option.named("-m", "--message").label("TEXT").describe("Commit message or change summary.").to(text -> message = text))
            .option(Option.named("--description").label("TEXT").describe("History text.")
                .shownDefault("Deploy <commit or tag>, written by the operator").to(text -> description = text));
    }

    @Override
    void run(Session session) {
        String app = options.requireApp();
        session.app(app);
        Release created = session.client().resource(release(app, session)).create();
        String name = created.getMetadata().getName();
        if (options.noWait) {
            // Not the rollout, but the version: that is how a person and every other command name the release.
            Release numbered = Poll.until(options.timeout, () -> Rollouts.numbered(session, name),
                () -> "for the operator to number " + name + "; is the Slipway operator running?");
            String label = Releases.label(numbered);
            print(ReleaseDetails.of(numbered, false), () -> out().println("Deploying " + image + " to " + app + " ... created " + label
                + " (not waiting for the rollout; kubectl slipway releases info " + label + " -a " + app + ")"));
            return;
        }
        Rollouts.Outcome outcome = progress("Deploying " + image + " to " + app)
            .run(p -> Rollouts.follow(session, app, name, options.timeout, p::observe), Rollouts.Outcome::describe);
        if (!table()) {
            Printer.print(out(), options.output, ReleaseDetails.of(outcome.release(), false));
        }
    }

    private Release release(String app, Session session) {
        Release release = session.newRelease(app);
        ReleaseSpec spec = release.getSpec();
        spec.setImage(image);
        spec.setDescription(description);
        if (commit != null || branch != null || repository != null || message != null) {
            ReleaseSource source = new ReleaseSource();
            source.setCommit(commit);
            source.setBranch(branch);
            source.setRepository(repository);
            source.setMessage(message);
            spec.setSource(source);
        }
        return release;
    }
}

package dev.slipway.cli;

import dev.slipway.model.Release;
import dev.slipway.model.ReleaseSource;
import dev.slipway.model.ReleaseSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `deploy IMAGE`: a new Release of the App, followed until it runs. */
@Command(name = "deploy", description = "Create a release of IMAGE and follow its rollout.")
final class DeployCommand extends SlipwayCommand {
    @Parameters(index = "0", paramLabel = "IMAGE", description = "Image by tag or digest, e.g. registry.example/shop/web@sha256:...")
    String image;

    @Option(names = "--commit", paramLabel = "SHA", description = "Commit the image was built from.")
    String commit;

    @Option(names = "--branch", paramLabel = "BRANCH", description = "Branch of the commit.")
    String branch;

    @Option(names = "--repository", paramLabel = "URL", description = "Repository URL.")
    String repository;

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT", description = "Commit message or change summary.")
    String message;

    @Option(names = "--description", paramLabel = "TEXT", description = "History text (default: Deploy <commit or tag>, written by the operator).")
    String description;

    @Override
    void run(Session session) {
        String app = options.requireApp();
        session.app(app);
        Release created = session.client().resource(release(app, session)).create();
        String name = created.getMetadata().getName();
        if (options.noWait) {
            print(ReleaseDetails.of(created, false), () -> out().println("Deploying " + image + " to " + app + " ... created release "
                + name + " (not waiting; kubectl slipway releases info " + name + " -a " + app + ")"));
            return;
        }
        Rollouts.Outcome outcome = progress("Deploying " + image + " to " + app)
            .run(() -> Rollouts.follow(session, app, name, options.timeout), Rollouts.Outcome::describe);
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

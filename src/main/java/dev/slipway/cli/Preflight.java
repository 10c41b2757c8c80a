package dev.slipway.cli;

import dev.slipway.model.App;
import dev.slipway.model.Promotion;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.ReleaseRef;
import dev.slipway.model.Rollback;
import dev.slipway.release.PromotionDecision;
import dev.slipway.release.Releases;
import dev.slipway.release.RollbackDecision;
import java.util.List;
import java.util.Map;

/**
 * The operator's own decisions (RollbackDecision, PromotionDecision), taken by the plugin before it creates the
 * request: a request that can only be refused is never made, and the refusal is said in plugin terms. The operator
 * still decides on what it sees when the request arrives; this only spares the user a doomed object.
 */
final class Preflight {
    private Preflight() {
    }

    /** Refuses a rollback the operator would refuse, and a plain `rollback` that would copy what already runs. */
    static void rollback(App app, History history, Rollback rollback) {
        ReleaseRef active = active(app);
        RollbackDecision decision = RollbackDecision.decide(app, rollback, numbered(history), Map.of(), active);
        String name = app.getMetadata().getName();
        if (decision.refused()) {
            throw new CliException(Exit.FAILED, "rollback refused: " + Refusals.inPluginTerms(decision.refusal(), name));
        }
        Release running = history.newestFirst().stream().filter(r -> r.getMetadata().getName().equals(active.getName())).findFirst().orElse(null);
        Long target = Releases.version(decision.target());
        if (rollback.getSpec().targetText() == null && running != null && target.equals(running.getSpec().getRollbackOf())) {
            throw new CliException(Exit.FAILED, "rollback refused: " + Releases.label(running) + " already runs the build and config of v"
                + target + " (" + running.getSpec().getDescription() + "), so rolling back to v" + target
                + " would change nothing; name an older release: kubectl slipway rollback vN -a " + name);
        }
    }

    static void promote(App app, History history, Promotion promotion) {
        List<Release> all = history.newestFirst();
        PromotionDecision decision = PromotionDecision.decide(app, promotion, numbered(history), Map.of(),
            all.isEmpty() ? null : all.get(0), active(app));
        if (decision.refused()) {
            throw new CliException(Exit.FAILED, "promotion refused: " + Refusals.inPluginTerms(decision.refusal(), app.getMetadata().getName()));
        }
    }

    /** A pin runs its release again: a failed one only on purpose. */
    static void pin(Release target, boolean force) {
        if (Releases.phase(target) == ReleasePhase.Failed && !force) {
            throw new CliException(Exit.FAILED, "pin refused: " + Releases.label(target) + " failed (" + target.getStatus().getMessage()
                + "); pinning it would run it again: add --force to pin it anyway");
        }
    }

    private static List<Release> numbered(History history) {
        return history.newestFirst().stream().filter(Releases::isNumbered).toList();
    }

    private static ReleaseRef active(App app) {
        return app.getStatus() == null ? null : app.getStatus().getActiveRelease();
    }
}

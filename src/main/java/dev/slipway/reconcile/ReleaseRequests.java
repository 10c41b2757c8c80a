package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.OneShot;
import dev.slipway.model.Promotion;
import dev.slipway.model.Release;
import dev.slipway.model.ReleaseRef;
import dev.slipway.model.Rollback;
import dev.slipway.release.Releases;
import dev.slipway.release.Selection;
import java.util.List;
import java.util.Optional;

/**
 * The releases the operator makes on its own, at most one per pass, in this order: the oldest one-shot request (a
 * Rollback or a Promotion), an automatic rollback of a failed rollout, a config change. The made release is numbered by
 * the same pass; a request is marked Succeeded once its release has its version (or, promoted as it is, its mark). A
 * request refused does not stop the others.
 */
final class ReleaseRequests {
    private ReleaseRequests() {
    }

    /**
     * @param history     the App's releases before anything is made, and which of them runs
     * @param appProblems problems of the App spec; an invalid App gets no new releases
     * @param env         the App's snapshotted env sources: a change of theirs is a config change too, after the spec's
     * @param digests     the App spec's digests, shared with the pass's last phase
     */
    static RequestDecision decide(AppView view, History history, Claims claims, List<String> appProblems, RollbackRequests rollbacks,
                                  PromotionRequests promotions, EnvView env, SpecDigests digests) {
        App app = view.app();
        ReleaseRef active = history.active();
        Selection running = history.running();
        RequestDecision decision = RequestDecision.NOTHING;
        Optional<OneShot<?>> request = view.oldestRequest();
        if (request.isPresent()) {
            // Like `heroku rollback`, relative to the current release: the one running or rolling out now.
            ReleaseRef current = running.target() == null ? active
                : new ReleaseRef(running.target().getMetadata().getName(), Releases.version(running.target()));
            if (request.get() instanceof Promotion promotion) {
                decision = appProblems.isEmpty()
                    ? promotions.decide(view.requestDecidedOn(), promotion, history, current, claims)
                    : RequestDecision.refused(promotions.refusal(app, promotion, invalidApp(appProblems), claims));
            } else {
                Rollback rollback = (Rollback) request.get();
                decision = appProblems.isEmpty()
                    ? rollbacks.decide(view.requestDecidedOn(), rollback, history, current, claims)
                    : RequestDecision.refused(rollbacks.refusal(app, rollback, invalidApp(appProblems), claims));
            }
            if (decision.release().isPresent() || !appProblems.isEmpty()) {
                return decision;
            }
        }
        if (!appProblems.isEmpty()) {
            return decision;
        }
        Optional<RequestedRelease> auto = AutoRollbacks.release(app, running.target(), running.pinned(), history, claims);
        if (auto.isPresent()) {
            return decision.orElse(auto);
        }
        Release activeRelease = history.numbered(active);
        Release build = ConfigBase.of(running, activeRelease, history.unnumbered());
        Optional<RequestedRelease> config = ConfigReleases.release(app, digests, build, activeRelease, history.newest(), history.all(), claims);
        return decision.orElse(config.isPresent() ? config : EnvRotations.release(app, build, history.all(), env, claims));
    }

    private static String invalidApp(List<String> appProblems) {
        return "the App spec is invalid; fix it first: " + String.join("; ", appProblems);
    }
}

package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleaseRef;
import dev.slipway.model.Rollback;
import dev.slipway.release.Releases;
import dev.slipway.release.Selection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The releases the operator makes on its own, at most one per reconcile, in this order: a Rollback request,
 * an automatic rollback of a failed rollout, a config change. The made release is numbered by the same
 * reconcile; a Rollback is marked Succeeded once its release has its version.
 */
final class ReleaseRequests {
    private final RollbackRequests rollbacks;
    private final AutoRollbacks autoRollbacks;
    private final ConfigReleases configReleases;

    ReleaseRequests(RollbackRequests rollbacks, AutoRollbacks autoRollbacks, ConfigReleases configReleases) {
        this.rollbacks = rollbacks;
        this.autoRollbacks = autoRollbacks;
        this.configReleases = configReleases;
    }

    /** @param rollback the request the release was made for, or null */
    record Made(Release release, Rollback rollback) {
    }

    /**
     * @param all         every release of the App, numbered or not
     * @param numbered    numbered releases in version order
     * @param unnumbered  releases waiting for a version, in creation order
     * @param before      which release runs, before anything is made
     * @param appProblems problems of the App spec; an invalid App gets no new releases
     */
    Optional<Made> make(App app, List<Release> all, List<Release> numbered, List<Release> unnumbered,
                        Map<String, String> invalid, ReleaseRef active, Selection before, Claims claims,
                        List<String> appProblems) {
        Optional<Rollback> request = rollbacks.next(app);
        if (request.isPresent()) {
            if (!appProblems.isEmpty()) {
                rollbacks.refuse(app, request.get(), "the App spec is invalid; fix it first: " + String.join("; ", appProblems), claims);
                return Optional.empty();
            }
            // Like `heroku rollback`, relative to the current release: the one running or rolling out now.
            ReleaseRef current = before.target() == null ? active
                : new ReleaseRef(before.target().getMetadata().getName(), Releases.version(before.target()));
            Optional<Release> made = rollbacks.release(app, request.get(), all, numbered, invalid, current, claims);
            if (made.isPresent()) {
                return Optional.of(new Made(made.get(), request.get()));
            }
        }
        if (!appProblems.isEmpty()) {
            return Optional.empty();
        }
        Optional<Release> auto = autoRollbacks.release(app, before.target(), before.pinned(), all, numbered, claims);
        if (auto.isPresent()) {
            return Optional.of(new Made(auto.get(), null));
        }
        Release activeRelease = active == null ? null : numbered.stream()
            .filter(r -> r.getMetadata().getName().equals(active.getName())).findFirst().orElse(null);
        Release build = ConfigBase.of(before, activeRelease, unnumbered);
        Release newest = unnumbered.isEmpty() ? (numbered.isEmpty() ? null : numbered.get(numbered.size() - 1))
            : unnumbered.get(unnumbered.size() - 1);
        return configReleases.release(app, build, activeRelease, newest, all, claims).map(r -> new Made(r, null));
    }

    /** The uid of the oldest unfinished Rollback of the App. */
    Optional<String> pendingRollback(App app) {
        return rollbacks.next(app).map(r -> r.getMetadata().getUid());
    }

    /** After numbering: completes the Rollback the release was made for. */
    void complete(App app, Made made, List<Release> stored) {
        if (made.rollback() == null) {
            return;
        }
        stored.stream()
            .filter(r -> r.getMetadata().getName().equals(made.release().getMetadata().getName()))
            .filter(Releases::isNumbered)
            .findFirst()
            .ifPresent(r -> rollbacks.succeeded(app, made.rollback(), r));
    }
}

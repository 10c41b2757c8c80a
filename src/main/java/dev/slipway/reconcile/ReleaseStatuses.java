package dev.slipway.reconcile;

import dev.slipway.metrics.SlipwayMetrics;
import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.ReleaseStatus;
import dev.slipway.release.ReleasePlanner;
import dev.slipway.release.ReleaseState;
import dev.slipway.release.Releases;
import dev.slipway.status.Conditions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/** Writes each release's planned status when it differs from the stored one, and records the transitions. */
final class ReleaseStatuses {
    private static final Logger LOG = Logger.getLogger(ReleaseStatuses.class);

    private final ReleaseStore store;
    private final Conditions conditions;
    private final EventRecorder events;
    private final SlipwayMetrics metrics;

    ReleaseStatuses(ReleaseStore store, Conditions conditions, EventRecorder events, SlipwayMetrics metrics) {
        this.store = store;
        this.conditions = conditions;
        this.events = events;
        this.metrics = metrics;
    }

    /**
     * @param numbered     all numbered releases in version order, the new ones carrying their uncommitted version
     * @param newlyNumbered names of the releases whose version this status write commits
     * @return the releases as stored afterwards, in the same order
     */
    List<Release> write(App app, List<Release> numbered, Set<String> newlyNumbered, ReleasePlanner planner, Numbering numbering) {
        List<Release> result = new ArrayList<>();
        for (Release release : numbered) {
            boolean isNew = newlyNumbered.contains(release.getMetadata().getName());
            ReleaseState state = planner.plan(release);
            ReleaseStatus before = release.getStatus();
            ReleaseStatus after = render(release, state);
            if (!isNew && Snapshots.same(before, after)) {
                result.add(release);
                continue;
            }
            Release written = store.updateStatus(release, after);
            LogContext.release(written);
            if (isNew) {
                numbering.committed(app, written);
                LOG.infof("Numbered release %s/%s as %s of app %s", release.getMetadata().getNamespace(),
                    release.getMetadata().getName(), Releases.label(written), app.getMetadata().getName());
                String text = "Release " + Releases.label(written) + " created: " + written.getSpec().getDescription();
                events.normal(written, "Created", text);
                events.normal(app, "ReleaseCreated", text);
                metrics.releaseCreated(Releases.cause(written));
            }
            ReleasePhase previous = isNew ? null : before.getPhase();
            if (previous != after.getPhase()) {
                recordTransition(app, written, state);
                measureTransition(written, previous, state);
            }
            result.add(written);
        }
        return result;
    }

    private ReleaseStatus render(Release release, ReleaseState state) {
        ReleaseStatus current = release.getStatus();
        ReleaseStatus status = new ReleaseStatus();
        status.setVersion(current.getVersion());
        status.setNumberedGeneration(current.getNumberedGeneration());
        status.setObservedGeneration(release.getMetadata().getGeneration());
        status.setPhase(state.phase());
        status.setMessage(state.message());
        status.setDeployedAt(state.deployedAt());
        status.setSupersededAt(state.supersededAt());
        status.setConditions(conditions.of(state.health(), release.getMetadata().getGeneration(), current.getConditions()));
        return status;
    }

    private void measureTransition(Release release, ReleasePhase previous, ReleaseState state) {
        String uid = release.getMetadata().getUid();
        if (state.phase() == ReleasePhase.Deploying) {
            metrics.rolloutStarted(uid);
        } else if (previous == ReleasePhase.Deploying) {
            metrics.rolloutEnded(uid, state.phase() == ReleasePhase.Active);
        }
        if (state.phase() == ReleasePhase.Failed) {
            metrics.releaseFailed(state.health().reason());
        }
    }

    private void recordTransition(App app, Release release, ReleaseState state) {
        String label = Releases.label(release);
        String where = app.getMetadata().getNamespace() + "/" + app.getMetadata().getName();
        switch (state.phase()) {
            case Deploying -> {
                LOG.infof("Deploying %s of app %s", label, where);
                String text = "Deploying " + label + " (" + release.getSpec().getImage() + ")";
                events.normal(release, "Deploying", text);
                events.normal(app, "Deploying", text);
            }
            case Active -> {
                LOG.infof("Release %s of app %s is active", label, where);
                events.normal(release, "Active", label + " is active");
                events.normal(app, "Active", label + " is active");
            }
            case Failed -> {
                String reason = state.health().reason();
                LOG.warnf("Release %s of app %s failed: %s", label, where, state.message());
                events.warning(release, reason, state.message());
                events.warning(app, "Release" + reason, label + ": " + state.message());
            }
            default -> {
            }
        }
    }
}

package dev.slipway.reconcile;

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

/** Each release's planned status, where it differs from the stored one, and what its transition tells. */
final class ReleaseStatuses {
    private final Conditions conditions;

    ReleaseStatuses(Conditions conditions) {
        this.conditions = conditions;
    }

    /**
     * @param changes the status writes, in version order
     * @param after   the releases as stored once they are made, in version order
     */
    record Plan(List<ReleaseStatusChange> changes, List<Release> after) {
    }

    /**
     * @param numbered      all numbered releases in version order, the new ones carrying their uncommitted version
     * @param newlyNumbered names of the releases whose version this status write commits
     */
    Plan plan(App app, List<Release> numbered, Set<String> newlyNumbered, ReleasePlanner planner) {
        List<ReleaseStatusChange> changes = new ArrayList<>();
        List<Release> after = new ArrayList<>();
        for (Release release : numbered) {
            boolean isNew = newlyNumbered.contains(release.getMetadata().getName());
            ReleaseState state = planner.plan(release);
            ReleaseStatus status = render(release, state);
            if (!isNew && status.equals(release.getStatus())) {
                after.add(release);
                continue;
            }
            Release written = Snapshots.copy(release);
            written.setStatus(status);
            List<Notice> notices = new ArrayList<>();
            if (isNew) {
                String text = "Release " + Releases.label(written) + " created: " + written.getSpec().getDescription();
                notices.add(Notice.info(ReleaseStatuses.class, "Numbered release " + release.getMetadata().getNamespace() + "/"
                    + release.getMetadata().getName() + " as " + Releases.label(written) + " of app " + app.getMetadata().getName()));
                notices.add(Notice.normal(written, "Created", text));
                notices.add(Notice.normal(app, "ReleaseCreated", text));
                notices.add(new Notice.ReleaseCreated(Releases.cause(written)));
            }
            ReleasePhase previous = isNew ? null : release.getStatus().getPhase();
            if (previous != status.getPhase()) {
                notices.addAll(transition(app, written, state));
                notices.addAll(measures(written, previous, state));
            }
            changes.add(new ReleaseStatusChange(release, status, isNew, notices));
            after.add(written);
        }
        return new Plan(changes, after);
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
        status.setPromotedAt(current.getPromotedAt());
        status.setPromotedBy(current.getPromotedBy());
        status.setPromotedByUid(current.getPromotedByUid());
        status.setSupersededAt(state.supersededAt());
        status.setConditions(conditions.of(state.health(), release.getMetadata().getGeneration(), current.getConditions()));
        return status;
    }

    private static List<Notice> measures(Release release, ReleasePhase previous, ReleaseState state) {
        List<Notice> measures = new ArrayList<>();
        String uid = release.getMetadata().getUid();
        if (state.phase() == ReleasePhase.Deploying) {
            measures.add(new Notice.RolloutStarted(uid));
        } else if (previous == ReleasePhase.Deploying) {
            measures.add(new Notice.RolloutEnded(uid, state.phase() == ReleasePhase.Active));
        }
        if (state.phase() == ReleasePhase.Failed) {
            measures.add(new Notice.ReleaseFailed(state.health().reason()));
        }
        return measures;
    }

    private static List<Notice> transition(App app, Release release, ReleaseState state) {
        String label = Releases.label(release);
        String where = app.getMetadata().getNamespace() + "/" + app.getMetadata().getName();
        return switch (state.phase()) {
            case Deploying -> {
                String text = "Deploying " + label + " (" + release.getSpec().getImage() + ")";
                yield List.of(Notice.info(ReleaseStatuses.class, "Deploying " + label + " of app " + where),
                    Notice.normal(release, "Deploying", text), Notice.normal(app, "Deploying", text));
            }
            case Active -> List.of(Notice.info(ReleaseStatuses.class, "Release " + label + " of app " + where + " is active"),
                Notice.normal(release, "Active", label + " is active"), Notice.normal(app, "Active", label + " is active"));
            case Failed -> {
                String reason = state.health().reason();
                yield List.of(Notice.warn(ReleaseStatuses.class, "Release " + label + " of app " + where + " failed: " + state.message()),
                    Notice.warning(release, reason, state.message()),
                    Notice.warning(app, "Release" + reason, label + ": " + state.message()));
            }
            default -> List.of();
        };
    }
}

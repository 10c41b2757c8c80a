package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.Cause;
import dev.slipway.model.Release;
import dev.slipway.model.ReleaseRef;
import dev.slipway.model.RequestPhase;
import dev.slipway.model.Rollback;
import dev.slipway.model.RollbackStatus;
import dev.slipway.model.Slipway;
import dev.slipway.release.Claim;
import dev.slipway.release.NewReleases;
import dev.slipway.release.Releases;
import dev.slipway.release.RollbackDecision;
import dev.slipway.status.Conditions;
import dev.slipway.status.Health;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a Rollback request into a new release that copies the target, exactly once: the release carries the
 * Rollback's uid, and a Rollback whose release exists is only marked Succeeded. Planning only: the executor writes.
 */
final class RollbackRequests {
    private final Conditions conditions;

    RollbackRequests(Conditions conditions) {
        this.conditions = conditions;
    }

    /** The release made for this Rollback by an earlier pass, if any. */
    static Optional<Release> madeFor(Rollback rollback, List<Release> releases) {
        Map<String, String> marks = Map.of(Slipway.ANNOTATION_ROLLBACK_UID, rollback.getMetadata().getUid());
        return releases.stream().filter(Release::isReadable).filter(RequestedRelease.annotated(marks)).findFirst();
    }

    /** The release made for this Rollback: one that exists already, or one to create; or its refusal. */
    RequestDecision decide(App app, Rollback rollback, History history, ReleaseRef active, Claims claims) {
        Optional<Release> made = madeFor(rollback, history.all());
        if (made.isPresent()) {
            return RequestDecision.made(RequestedRelease.existing(made.get(), release -> succeeded(app, rollback, release)));
        }
        RollbackDecision decision = RollbackDecision.decide(app, rollback, history.numbered(), history.invalid(), active);
        boolean refusedBefore = claims.decided(Slipway.ANNOTATION_ROLLBACK_UID, rollback.getMetadata().getUid())
            .filter(Claim::refused).isPresent();
        if (decision.refused() || refusedBefore) {
            // A refusal claimed by a replica that stopped before writing it is finished here, with today's reason.
            return RequestDecision.refused(refusal(app, rollback, decision.refused() ? decision.refusal()
                : "the App changed while this Rollback was decided; apply it again", claims));
        }
        String to = Releases.label(decision.target());
        Map<String, String> annotations = new LinkedHashMap<>(Map.of(Slipway.ANNOTATION_ROLLBACK, rollback.getMetadata().getName(),
            Slipway.ANNOTATION_ROLLBACK_UID, rollback.getMetadata().getUid(),
            Slipway.ANNOTATION_ROLLED_BACK_FROM, String.valueOf(decision.from())));
        annotations.putAll(OneShotRequests.createdBy(rollback));
        Release release = claims.forRequest(Slipway.ANNOTATION_ROLLBACK_UID, rollback.getMetadata().getUid(),
            version -> NewReleases.rollbackTo(app, version, decision.target(), Cause.Rollback, "Rollback to " + to, annotations));
        long version = claims.versionOf(release);
        return RequestDecision.made(RequestedRelease.toCreate(release, Slipway.ANNOTATION_ROLLBACK_UID,
            rollback.getMetadata().getUid(), version, numbered -> succeeded(app, rollback, numbered), List.of(
                Notice.info(RollbackRequests.class, "Rollback " + rollback.getMetadata().getNamespace() + "/"
                    + rollback.getMetadata().getName() + ": rolling app " + app.getMetadata().getName() + " back to " + to + " as v" + version),
                new Notice.RolledBack(false))));
    }

    /** Fails the Rollback; its refusal is claimed in the ledger, stored first, so no other replica makes a release for it. */
    RequestStatusChange<RollbackStatus> refusal(App app, Rollback rollback, String message, Claims claims) {
        return OneShotRequests.refusal(app, rollback, new RollbackStatus(), Slipway.ANNOTATION_ROLLBACK_UID, message, claims,
            conditions, RollbackRequests.class);
    }

    /** Marks the Rollback Succeeded once its release is numbered. */
    RequestStatusChange<RollbackStatus> succeeded(App app, Rollback rollback, Release release) {
        String from = release.getMetadata().getAnnotations().get(Slipway.ANNOTATION_ROLLED_BACK_FROM);
        String message = "Rolled back to v" + release.getSpec().getRollbackOf() + " as " + Releases.label(release);
        RollbackStatus status = OneShotRequests.status(rollback, new RollbackStatus(), RequestPhase.Succeeded, message,
            Health.ready("Succeeded", message), conditions);
        status.setRelease(release.getMetadata().getName());
        status.setFrom(from == null ? null : Long.valueOf(from));
        status.setTo(release.getSpec().getRollbackOf());
        return new RequestStatusChange<>(rollback, status, List.of(
            Notice.normal(rollback, "RolledBack", message),
            Notice.normal(app, "RolledBack", message + " (" + rollback.getMetadata().getName() + ")")));
    }
}

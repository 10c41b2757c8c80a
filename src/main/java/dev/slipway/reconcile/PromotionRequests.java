package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.Cause;
import dev.slipway.model.Promotion;
import dev.slipway.model.Release;
import dev.slipway.model.ReleaseRef;
import dev.slipway.model.ReleaseStatus;
import dev.slipway.model.RequestPhase;
import dev.slipway.model.RequestStatus;
import dev.slipway.model.Slipway;
import dev.slipway.release.Claim;
import dev.slipway.release.NewReleases;
import dev.slipway.release.PromotionDecision;
import dev.slipway.release.Releases;
import dev.slipway.status.Conditions;
import dev.slipway.status.Health;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Carries out a Promotion exactly once: the newest release, when staged, is marked promoted in its status (which
 * names the Promotion's uid) and then runs as it is; any other target is copied into a new release carrying the
 * Promotion's uid, like a Rollback's. Either decision is claimed in the App's ledger first. Planning only.
 */
final class PromotionRequests {
    private final Conditions conditions;
    private final String now;

    /** @param now when this pass promotes, as status timestamps are written */
    PromotionRequests(Conditions conditions, String now) {
        this.conditions = conditions;
        this.now = now;
    }

    /** The release made for, or promoted by, this Promotion in an earlier pass, if any. */
    static Optional<Release> madeFor(Promotion promotion, List<Release> releases) {
        String uid = promotion.getMetadata().getUid();
        Map<String, String> marks = Map.of(Slipway.ANNOTATION_PROMOTION_UID, uid);
        return releases.stream().filter(Release::isReadable)
            .filter(r -> RequestedRelease.annotated(marks).test(r)
                || (r.getStatus() != null && uid.equals(r.getStatus().getPromotedByUid())))
            .findFirst();
    }

    /** The release this Promotion makes run: one promoted or made already, one to promote or create; or its refusal. */
    RequestDecision decide(App app, Promotion promotion, History history, ReleaseRef current, Claims claims) {
        String uid = promotion.getMetadata().getUid();
        Optional<Release> made = madeFor(promotion, history.all());
        if (made.isPresent()) {
            return RequestDecision.made(RequestedRelease.existing(made.get(), release -> succeeded(app, promotion, release)));
        }
        Optional<Claim> decided = claims.decided(Slipway.ANNOTATION_PROMOTION_UID, uid);
        Optional<Release> claimedInPlace = decided.filter(c -> !c.refused()).flatMap(c -> history.numbered().stream()
            .filter(r -> r.getMetadata().getName().equals(c.name()) && Long.valueOf(c.version()).equals(Releases.version(r)))
            .findFirst());
        if (claimedInPlace.isPresent()) {
            // Decided by a pass that stopped before marking the release: carried out as decided.
            return inPlace(app, promotion, claimedInPlace.get(), claims);
        }
        PromotionDecision decision = PromotionDecision.decide(app, promotion, history.numbered(), history.invalid(),
            history.newest(), current);
        if (decision.refused() || decided.filter(Claim::refused).isPresent()) {
            return RequestDecision.refused(refusal(app, promotion, decision.refused() ? decision.refusal()
                : "the App changed while this Promotion was decided; apply it again", claims));
        }
        if (decision.inPlace()) {
            return inPlace(app, promotion, decision.target(), claims);
        }
        String label = Releases.label(decision.target());
        Map<String, String> annotations = new LinkedHashMap<>(Map.of(Slipway.ANNOTATION_PROMOTION, promotion.getMetadata().getName(),
            Slipway.ANNOTATION_PROMOTION_UID, uid));
        annotations.putAll(OneShotRequests.createdBy(promotion));
        Release release = claims.forRequest(Slipway.ANNOTATION_PROMOTION_UID, uid,
            version -> NewReleases.rollbackTo(app, version, decision.target(), Cause.Promote, "Promote " + label, annotations));
        long version = claims.versionOf(release);
        return RequestDecision.made(RequestedRelease.toCreate(release, Slipway.ANNOTATION_PROMOTION_UID, uid, version,
            numbered -> succeeded(app, promotion, numbered), List.of(
                Notice.info(PromotionRequests.class, "Promotion " + where(promotion) + ": promoting " + label + " of app "
                    + app.getMetadata().getName() + " as v" + version),
                new Notice.Promoted(false))));
    }

    /** The staged release marked promoted by this Promotion (claimed first); it then runs as the newest promoted release. */
    private RequestDecision inPlace(App app, Promotion promotion, Release target, Claims claims) {
        claims.inPlace(Slipway.ANNOTATION_PROMOTION_UID, promotion.getMetadata().getUid(), target);
        ReleaseStatus status = Snapshots.copy(target.getStatus());
        status.setPromotedAt(now);
        status.setPromotedBy(promotion.getMetadata().getName());
        status.setPromotedByUid(promotion.getMetadata().getUid());
        ReleaseStatusChange mark = new ReleaseStatusChange(target, status, false, List.of(
            Notice.info(PromotionRequests.class, "Promotion " + where(promotion) + ": promoting staged " + Releases.label(target)
                + " of app " + app.getMetadata().getName() + " as it is"),
            new Notice.Promoted(true)));
        Release marked = Snapshots.copy(target);
        marked.setStatus(status);
        return RequestDecision.promoted(mark, RequestedRelease.existing(marked, release -> succeeded(app, promotion, release)));
    }

    /** Fails the Promotion; its refusal is claimed in the ledger first. */
    RequestStatusChange<RequestStatus> refusal(App app, Promotion promotion, String message, Claims claims) {
        return OneShotRequests.refusal(app, promotion, new RequestStatus(), Slipway.ANNOTATION_PROMOTION_UID, message, claims,
            conditions, PromotionRequests.class);
    }

    /** Marks the Promotion Succeeded once its release is numbered, or marked promoted. */
    RequestStatusChange<RequestStatus> succeeded(App app, Promotion promotion, Release release) {
        boolean copy = RequestedRelease.annotated(Map.of(Slipway.ANNOTATION_PROMOTION_UID, promotion.getMetadata().getUid()))
            .test(release);
        String message = copy
            ? "Promoted v" + release.getSpec().getRollbackOf() + " as " + Releases.label(release)
            : "Promoted " + Releases.label(release) + ": it runs as it is";
        RequestStatus status = OneShotRequests.status(promotion, new RequestStatus(), RequestPhase.Succeeded, message,
            Health.ready("Succeeded", message), conditions);
        status.setRelease(release.getMetadata().getName());
        return new RequestStatusChange<>(promotion, status, List.of(
            Notice.normal(promotion, "Promoted", message),
            Notice.normal(app, "Promoted", message + " (" + promotion.getMetadata().getName() + ")")));
    }

    private static String where(Promotion promotion) {
        return promotion.getMetadata().getNamespace() + "/" + promotion.getMetadata().getName();
    }
}

package dev.slipway.reconcile;

import dev.slipway.metrics.SlipwayMetrics;
import dev.slipway.model.App;
import dev.slipway.model.Cause;
import dev.slipway.model.Release;
import dev.slipway.model.ReleaseRef;
import dev.slipway.model.Rollback;
import dev.slipway.model.RollbackPhase;
import dev.slipway.model.RollbackStatus;
import dev.slipway.model.Slipway;
import dev.slipway.release.Claim;
import dev.slipway.release.NewReleases;
import dev.slipway.release.Releases;
import dev.slipway.release.RollbackDecision;
import dev.slipway.status.Conditions;
import dev.slipway.status.Health;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Turns a Rollback request into a new release that copies the target, exactly once: the release carries
 * the Rollback's uid, and a Rollback whose release exists is only marked Succeeded.
 */
final class RollbackRequests {
    private static final Logger LOG = Logger.getLogger(RollbackRequests.class);

    private final KubernetesClient client;
    private final InformerEventSource<Rollback, App> rollbacks;
    private final ReleaseCreator creator;
    private final Conditions conditions;
    private final EventRecorder events;
    private final SlipwayMetrics metrics;

    RollbackRequests(KubernetesClient client, InformerEventSource<Rollback, App> rollbacks, ReleaseCreator creator,
                     Conditions conditions, EventRecorder events, SlipwayMetrics metrics) {
        this.client = client;
        this.rollbacks = rollbacks;
        this.creator = creator;
        this.conditions = conditions;
        this.events = events;
        this.metrics = metrics;
    }

    /** The oldest Rollback of the App that is not finished (from the informer's index of Rollbacks per App). */
    Optional<Rollback> next(App app) {
        return rollbacks.getSecondaryResources(app).stream().filter(r -> r.isReadable() && r.getSpec() != null
                && app.getMetadata().getName().equals(r.getSpec().getApp())
                && (r.getStatus() == null || r.getStatus().getPhase() == null || r.getStatus().getPhase() == RollbackPhase.Pending))
            .min(RollbackOrder.CREATION);
    }

    /** The release made for this Rollback: one that exists already, a new one, or none when refused. */
    Optional<Release> release(App app, Rollback rollback, List<Release> all, List<Release> numbered,
                              Map<String, String> invalid, ReleaseRef active, Claims claims) {
        Map<String, String> marks = Map.of(Slipway.ANNOTATION_ROLLBACK_UID, rollback.getMetadata().getUid());
        Optional<Release> made = all.stream().filter(ReleaseCreator.annotated(marks)).findFirst();
        if (made.isPresent()) {
            return made;
        }
        RollbackDecision decision = RollbackDecision.decide(current(app), rollback, numbered, invalid, active);
        boolean refusedBefore = claims.decided(Slipway.ANNOTATION_ROLLBACK_UID, rollback.getMetadata().getUid())
            .filter(Claim::refused).isPresent();
        if (decision.refused() || refusedBefore) {
            // A refusal claimed by a replica that stopped before writing it is finished here, with today's reason.
            refuse(app, rollback, decision.refused() ? decision.refusal()
                : "the App changed while this Rollback was decided; apply it again", claims);
            return Optional.empty();
        }
        String to = Releases.label(decision.target());
        Map<String, String> annotations = new LinkedHashMap<>(Map.of(Slipway.ANNOTATION_ROLLBACK, rollback.getMetadata().getName(),
            Slipway.ANNOTATION_ROLLBACK_UID, rollback.getMetadata().getUid(),
            Slipway.ANNOTATION_ROLLED_BACK_FROM, String.valueOf(decision.from())));
        createdBy(rollback).ifPresent(by -> annotations.put(Slipway.ANNOTATION_CREATED_BY, by));
        Release created = creator.create(claims, Slipway.ANNOTATION_ROLLBACK_UID, rollback.getMetadata().getUid(),
            version -> NewReleases.rollbackTo(app, version, decision.target(), Cause.Rollback, "Rollback to " + to, annotations));
        LOG.infof("Rollback %s/%s: rolling app %s back to %s as v%d", rollback.getMetadata().getNamespace(),
            rollback.getMetadata().getName(), app.getMetadata().getName(), to, claims.versionOf(created));
        metrics.rollback(false);
        return Optional.of(created);
    }

    /**
     * The App as stored now. The cache can lag behind a change made just before the Rollback was created (a pin
     * set, then a Rollback applied: seen in a busy test run, which rolled back an App already pinned); the
     * decision must see what the user saw. One read per Rollback carried out.
     */
    private App current(App cached) {
        App stored = client.resources(App.class).inNamespace(cached.getMetadata().getNamespace())
            .withName(cached.getMetadata().getName()).get();
        return stored == null || !stored.isReadable() ? cached : stored;
    }

    /** Who asked for the rollback, when the Rollback says (kubectl-slipway records it). */
    private static Optional<String> createdBy(Rollback rollback) {
        Map<String, String> annotations = rollback.getMetadata().getAnnotations();
        return Optional.ofNullable(annotations == null ? null : annotations.get(Slipway.ANNOTATION_CREATED_BY));
    }

    /** Fails the Rollback; its refusal is claimed in the ledger first, so no other replica makes a release for it. */
    void refuse(App app, Rollback rollback, String message, Claims claims) {
        if (!claims.refuse(Slipway.ANNOTATION_ROLLBACK_UID, rollback.getMetadata().getUid())) {
            throw new IllegalStateException("Rollback " + rollback.getMetadata().getName() + ": another replica claimed a"
                + " release for it; deciding again once that release is seen");
        }
        RollbackStatus status = status(rollback, RollbackPhase.Failed, message, Health.stalled("Refused", message));
        write(rollback, status);
        LOG.warnf("Rollback %s/%s refused: %s", rollback.getMetadata().getNamespace(), rollback.getMetadata().getName(), message);
        events.warning(rollback, "Refused", message);
        events.warning(app, "RollbackRefused", rollback.getMetadata().getName() + ": " + message);
    }

    /** Marks the Rollback Succeeded once its release is numbered. */
    void succeeded(App app, Rollback rollback, Release release) {
        String from = release.getMetadata().getAnnotations().get(Slipway.ANNOTATION_ROLLED_BACK_FROM);
        String message = "Rolled back to v" + release.getSpec().getRollbackOf() + " as " + Releases.label(release);
        RollbackStatus status = status(rollback, RollbackPhase.Succeeded, message, Health.ready("Succeeded", message));
        status.setRelease(release.getMetadata().getName());
        status.setFrom(from == null ? null : Long.valueOf(from));
        status.setTo(release.getSpec().getRollbackOf());
        write(rollback, status);
        events.normal(rollback, "RolledBack", message);
        events.normal(app, "RolledBack", message + " (" + rollback.getMetadata().getName() + ")");
    }

    private RollbackStatus status(Rollback rollback, RollbackPhase phase, String message, Health health) {
        return status(rollback, phase, message, health, conditions);
    }

    /** The status of a Rollback that ended, or was refused, with this message. */
    static RollbackStatus status(Rollback rollback, RollbackPhase phase, String message, Health health, Conditions conditions) {
        RollbackStatus status = new RollbackStatus();
        status.setObservedGeneration(rollback.getMetadata().getGeneration());
        status.setPhase(phase);
        status.setMessage(message);
        status.setConditions(conditions.of(health, rollback.getMetadata().getGeneration(),
            rollback.getStatus() == null ? null : rollback.getStatus().getConditions()));
        return status;
    }

    private void write(Rollback rollback, RollbackStatus status) {
        Rollback copy = Snapshots.copy(rollback);
        copy.setStatus(status);
        Rollback updated = client.resource(copy).updateStatus();
        rollbacks.handleRecentResourceUpdate(ResourceID.fromResource(updated), updated, rollback);
    }
}

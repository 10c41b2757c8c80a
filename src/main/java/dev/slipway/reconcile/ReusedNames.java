package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.ReleaseStatus;
import dev.slipway.release.NameLedger;
import dev.slipway.release.Releases;
import dev.slipway.status.Conditions;
import dev.slipway.status.Health;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * A name is numbered once. A release created again under the name of one that was pruned or deleted (a GitOps
 * sync or {@code kubectl apply -f releases/} putting its file back) is not a new deploy: it would run an old
 * build as the newest release. It is Failed with a message saying what it was and how to clear it, never
 * numbered, never run, and never deleted by the operator (the tool would only create it again). The names
 * come from the App's {@link NameLedger}, recorded once their versions are committed, which survives restarts.
 */
final class ReusedNames {
    static final String REASON = "NameReused";
    private static final Logger LOG = Logger.getLogger(ReusedNames.class);

    private final ReleaseStore store;
    private final Conditions conditions;
    private final EventRecorder events;

    ReusedNames(ReleaseStore store, Conditions conditions, EventRecorder events) {
        this.store = store;
        this.conditions = conditions;
        this.events = events;
    }

    /**
     * Marks Failed each of {@code unnumbered} whose name was numbered before; returns them. One the ledger gave its
     * version to ({@link NameLedger#versionGiven}: its claim, or the version label it kept through a restore from a
     * backup) is that very release, its status not yet or no longer written, and is numbered as usual.
     */
    List<Release> refuse(App app, NameLedger ledger, List<Release> unnumbered) {
        List<Release> reused = new ArrayList<>();
        for (Release release : unnumbered) {
            OptionalLong version = ledger.versionOf(release.getMetadata().getName());
            if (version.isEmpty() || ledger.versionGiven(release).isPresent()) {
                continue;
            }
            reused.add(release);
            fail(app, release, message(app, release, version.getAsLong(), ledger));
        }
        return reused;
    }

    /** Records the versions {@code numbered} committed and the releases pruning deleted. */
    void record(Claims claims, List<Release> numbered, List<Release> deleted, String now) {
        NameLedger ledger = claims.ledger();
        Map<Long, String> committed = new TreeMap<>();
        numbered.stream().filter(r -> r.getStatus() != null && r.getStatus().getVersion() != null)
            .forEach(r -> committed.put(r.getStatus().getVersion(), r.getMetadata().getName()));
        // Pruned releases are among the numbered ones, so their names are recorded with the rest.
        NameLedger after = ledger.covers(committed) ? ledger : ledger.with(committed);
        for (Release release : deleted) {
            after = after.departed(Releases.version(release), now, "pruned (historyLimit)");
        }
        claims.store(after);
    }

    private static String message(App app, Release release, long version, NameLedger ledger) {
        String went = ledger.departure(version).map(d -> "was " + d).orElse("has since been pruned or deleted");
        return release.getMetadata().getName() + " was v" + version + " of App " + app.getMetadata().getName() + " and " + went
            + "; a name is numbered once, so this copy never runs. Another tool created it again (a GitOps sync, kubectl"
            + " apply): remove its file from that tool's source (e.g. Git) and delete it, or raise spec.historyLimit so"
            + " that releases that tool keeps are not pruned; deploy a build under a new name";
    }

    private void fail(App app, Release release, String message) {
        ReleaseStatus status = new ReleaseStatus();
        status.setObservedGeneration(release.getMetadata().getGeneration());
        status.setPhase(ReleasePhase.Failed);
        status.setMessage(message);
        status.setConditions(conditions.of(Health.stalled(REASON, message), release.getMetadata().getGeneration(),
            release.getStatus() == null ? null : release.getStatus().getConditions()));
        if (release.getStatus() != null && Snapshots.same(release.getStatus(), status)) {
            return;
        }
        store.updateStatus(release, status);
        LOG.warnf("Release %s/%s refused: %s", release.getMetadata().getNamespace(), release.getMetadata().getName(), message);
        events.warning(release, REASON, message);
        events.warning(app, "Release" + REASON, message);
    }
}

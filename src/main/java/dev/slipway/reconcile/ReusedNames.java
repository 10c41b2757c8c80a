package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.ReleaseStatus;
import dev.slipway.release.NameLedger;
import dev.slipway.release.Releases;
import dev.slipway.status.Conditions;
import dev.slipway.status.Health;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A name is numbered once. A release created again under the name of one that was pruned or deleted (a GitOps
 * sync or {@code kubectl apply -f releases/} putting its file back) is not a new deploy: it would run an old
 * build as the newest release. It is Failed with a message saying what it was and how to clear it, never
 * numbered, never run, and never deleted by the operator (the tool would only create it again). The names
 * come from the App's {@link NameLedger}, recorded once their versions are committed, which survives restarts.
 */
final class ReusedNames {
    static final String REASON = "NameReused";

    private final Conditions conditions;

    ReusedNames(Conditions conditions) {
        this.conditions = conditions;
    }

    /**
     * Whether {@code release}, waiting for a version, bears the name of a release numbered before. One the ledger gave
     * its version to ({@link NameLedger#versionGiven}: its claim, or the version label it kept through a restore from a
     * backup) is that very release, its status not yet or no longer written, and is numbered as usual.
     */
    static boolean reused(NameLedger ledger, Release release) {
        return ledger.versionOf(release.getMetadata().getName()).isPresent() && ledger.versionGiven(release).isEmpty();
    }

    /** The Failed status of a release whose name is {@link #reused}, unless it says so already. */
    Optional<ReleaseStatusChange> refusal(App app, NameLedger ledger, Release release) {
        String message = message(app, release, ledger.versionOf(release.getMetadata().getName()).orElseThrow(), ledger);
        ReleaseStatus status = new ReleaseStatus();
        status.setObservedGeneration(release.getMetadata().getGeneration());
        status.setPhase(ReleasePhase.Failed);
        status.setMessage(message);
        status.setConditions(conditions.of(Health.stalled(REASON, message), release.getMetadata().getGeneration(),
            release.getStatus() == null ? null : release.getStatus().getConditions()));
        if (release.getStatus() != null && status.equals(release.getStatus())) {
            return Optional.empty();
        }
        return Optional.of(new ReleaseStatusChange(release, status, false, List.of(
            Notice.warn(ReusedNames.class, "Release " + release.getMetadata().getNamespace() + "/" + release.getMetadata().getName()
                + " refused: " + message),
            Notice.warning(release, REASON, message),
            Notice.warning(app, "Release" + REASON, message))));
    }

    /** {@code ledger} with the versions {@code numbered} commit recorded. */
    static NameLedger recorded(NameLedger ledger, List<Release> numbered) {
        Map<Long, String> committed = new TreeMap<>();
        numbered.stream().filter(r -> r.getStatus() != null && r.getStatus().getVersion() != null)
            .forEach(r -> committed.put(r.getStatus().getVersion(), r.getMetadata().getName()));
        // Pruned releases are among the numbered ones, so their names are recorded with the rest.
        return ledger.covers(committed) ? ledger : ledger.with(committed);
    }

    /** {@code ledger} with the releases pruning deleted recorded as gone, at {@code now}. */
    static NameLedger departed(NameLedger ledger, List<Release> deleted, String now) {
        NameLedger after = ledger;
        for (Release release : deleted) {
            after = after.departed(Releases.version(release), now, "pruned (historyLimit)");
        }
        return after;
    }

    private static String message(App app, Release release, long version, NameLedger ledger) {
        String went = ledger.departure(version).map(d -> "was " + d).orElse("has since been pruned or deleted");
        return release.getMetadata().getName() + " was v" + version + " of App " + app.getMetadata().getName() + " and " + went
            + "; a name is numbered once, so this copy never runs. Another tool created it again (a GitOps sync, kubectl"
            + " apply): remove its file from that tool's source (e.g. Git) and delete it, or raise spec.historyLimit so"
            + " that releases that tool keeps are not pruned; deploy a build under a new name";
    }
}

package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleaseStatus;
import dev.slipway.release.Inheritance;
import dev.slipway.release.Releases;
import java.util.List;
import java.util.Objects;

/**
 * Puts the versions {@link Claims} gave out on the new releases. The claims are stored in the App's ledger first (the
 * fence); then each release gets its labels, owner reference and inherited fields; its version is committed by its
 * first status write ({@link ReleaseStatuses}). A crash in between makes the next pass give the same release the same
 * version again, from its claim.
 */
final class Numbering {
    private Numbering() {
    }

    /**
     * One release being numbered.
     *
     * @param release as cached
     * @param filled  with labels, owner reference and inherited fields, as it is to be stored
     */
    record Numbered(Release release, Release filled, long version) {
        /** Whether the release as stored lacks something {@code filled} has: then it is written before it is used. */
        boolean needsWrite() {
            return !Objects.equals(release.getMetadata().getLabels(), filled.getMetadata().getLabels())
                || !Objects.equals(release.getMetadata().getOwnerReferences(), filled.getMetadata().getOwnerReferences())
                || !Snapshots.same(release.getSpec(), filled.getSpec());
        }
    }

    /** The highest version known committed: on a release, on the App, or by this process. */
    static long highestCommitted(App app, List<Release> numbered, long committedHere) {
        long fromStatus = app.getStatus() == null || app.getStatus().getLatestVersion() == null
            ? 0 : app.getStatus().getLatestVersion();
        long fromReleases = numbered.stream().mapToLong(Releases::version).max().orElse(0);
        return Math.max(Math.max(fromStatus, fromReleases), committedHere);
    }

    /** @param running the release whose config runs now, or null */
    static Numbered number(App app, Release release, long version, Release running) {
        return new Numbered(release, Inheritance.fill(release, app, running, version), version);
    }

    /** A copy of {@code stored} that carries its version, as its first status write commits it. */
    static Release committing(Release stored, long version) {
        Release copy = Snapshots.copy(stored);
        ReleaseStatus status = copy.getStatus() == null ? new ReleaseStatus() : copy.getStatus();
        status.setVersion(version);
        status.setNumberedGeneration(copy.getMetadata().getGeneration());
        copy.setStatus(status);
        return copy;
    }
}

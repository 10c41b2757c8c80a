package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleaseStatus;
import dev.slipway.release.Inheritance;
import dev.slipway.release.Releases;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Puts the versions {@link Claims} gave out on the new releases. The claims are stored in the App's ledger first
 * (the fence); a version is committed by the release's status write (see {@link ReleaseStatuses}); a crash in
 * between makes the next pass give the same release the same version again, from its claim.
 */
final class Numbering {
    private final ReleaseStore store;
    private final VersionMemo memo;

    Numbering(ReleaseStore store, VersionMemo memo) {
        this.store = store;
        this.memo = memo;
    }

    /** The highest version known committed: on a release, on the App, or by this process. */
    long highestCommitted(App app, List<Release> numbered) {
        long fromStatus = app.getStatus() == null || app.getStatus().getLatestVersion() == null
            ? 0 : app.getStatus().getLatestVersion();
        long fromReleases = numbered.stream().mapToLong(Releases::version).max().orElse(0);
        return Math.max(Math.max(fromStatus, fromReleases), memo.get(app.getMetadata().getUid()));
    }

    /**
     * Labels, owner reference and inherited fields are written now; the returned copies carry their new
     * version in status, to be committed with the first status write.
     *
     * @param unnumbered releases without a version, in creation order
     * @param running    the release whose config runs now, or null
     */
    List<Release> number(App app, List<Release> unnumbered, Claims claims, Release running) {
        claims.write();
        List<Release> numbered = new ArrayList<>();
        for (Release release : unnumbered) {
            long next = claims.versionOf(release);
            Release filled = Inheritance.fill(release, app, running, next);
            Release written = needsWrite(release, filled) ? store.update(release, filled) : Snapshots.copy(release);
            ReleaseStatus status = written.getStatus() == null ? new ReleaseStatus() : written.getStatus();
            status.setVersion(next);
            status.setNumberedGeneration(written.getMetadata().getGeneration());
            written.setStatus(status);
            numbered.add(written);
        }
        return numbered;
    }

    void committed(App app, Release release) {
        memo.committed(app.getMetadata().getUid(), Releases.version(release));
    }

    private static boolean needsWrite(Release before, Release after) {
        return !Objects.equals(before.getMetadata().getLabels(), after.getMetadata().getLabels())
            || !Objects.equals(before.getMetadata().getOwnerReferences(), after.getMetadata().getOwnerReferences())
            || !Snapshots.same(before.getSpec(), after.getSpec());
    }
}

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
 * Assigns versions to new releases in creation order. A version is committed by the release's status write
 * (see {@link ReleaseStatuses}); until then it is only a claim, so a crash between the two writes makes the
 * next reconcile hand out the same number again: no gap, no reuse.
 */
final class Numbering {
    private final ReleaseStore store;
    private final VersionMemo memo;

    Numbering(ReleaseStore store, VersionMemo memo) {
        this.store = store;
        this.memo = memo;
    }

    long highWater(App app, List<Release> numbered) {
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
    List<Release> number(App app, List<Release> unnumbered, long highWater, Release running) {
        List<Release> numbered = new ArrayList<>();
        long next = highWater;
        for (Release release : unnumbered) {
            next++;
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

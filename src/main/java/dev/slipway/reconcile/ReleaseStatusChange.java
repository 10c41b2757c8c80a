package dev.slipway.reconcile;

import dev.slipway.model.Release;
import dev.slipway.model.ReleaseStatus;
import java.util.List;

/**
 * A release status to write, and what the write tells once made.
 *
 * @param release        the release as last read or written, whose resourceVersion the write carries
 * @param commitsVersion the status carries a version given out in this pass: the write commits it
 */
record ReleaseStatusChange(Release release, ReleaseStatus status, boolean commitsVersion, List<Notice> notices) {
}

package dev.slipway.reconcile;

import dev.slipway.model.Release;
import dev.slipway.model.Rollback;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The release one pass makes for a request (a Rollback, a failed rollout, a config change), or finds made for it by an
 * earlier pass. A request is made exactly once: the release carries an annotation naming it ({@code annotation=value},
 * e.g. the Rollback's uid), and its name and version are claimed in the App's ledger before it is created.
 *
 * @param release  the release to create, under the name and version claimed for it; or the one that exists
 * @param exists   made by an earlier pass: there is nothing to create
 * @param version  the version claimed for a release to create
 * @param rollback the Rollback it is made for, or null
 * @param notices  what its creation tells
 */
record RequestedRelease(Release release, boolean exists, String annotation, String value, long version, Rollback rollback,
                        List<Notice> notices) {

    static RequestedRelease existing(Release release, Rollback rollback) {
        return new RequestedRelease(release, true, null, null, 0, rollback, List.of());
    }

    static RequestedRelease toCreate(Release release, String annotation, String value, long version, Rollback rollback,
                                     List<Notice> notices) {
        return new RequestedRelease(release, false, annotation, value, version, rollback, notices);
    }

    /** Whether {@code release} was made for this request: its annotation names it. */
    boolean madeFor(Release release) {
        return annotated(Map.of(annotation, value)).test(release);
    }

    static Predicate<Release> annotated(Map<String, String> annotations) {
        return release -> release.getMetadata().getAnnotations() != null && annotations.entrySet().stream()
            .allMatch(a -> Objects.equals(release.getMetadata().getAnnotations().get(a.getKey()), a.getValue()));
    }
}

package dev.slipway.reconcile;

import dev.slipway.model.Release;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The release one pass makes for a request (a Rollback, a Promotion, a failed rollout, a config change), or finds made for it by an
 * earlier pass. A request is made exactly once: the release carries an annotation naming it ({@code annotation=value},
 * e.g. the Rollback's uid), and its name and version are claimed in the App's ledger before it is created.
 *
 * @param release  the release to create, under the name and version claimed for it; or the one that exists
 * @param exists   made by an earlier pass: there is nothing to create
 * @param version  the version claimed for a release to create
 * @param done     for a one-shot request (Rollback, Promotion): its Succeeded status, given the release once numbered; else null
 * @param notices  what its creation tells
 */
record RequestedRelease(Release release, boolean exists, String annotation, String value, long version,
                        Function<Release, RequestStatusChange<?>> done, List<Notice> notices) {

    static RequestedRelease existing(Release release, Function<Release, RequestStatusChange<?>> done) {
        return new RequestedRelease(release, true, null, null, 0, done, List.of());
    }

    static RequestedRelease toCreate(Release release, String annotation, String value, long version,
                                     Function<Release, RequestStatusChange<?>> done, List<Notice> notices) {
        return new RequestedRelease(release, false, annotation, value, version, done, notices);
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

package dev.slipway.cli;

import dev.slipway.model.Release;
import dev.slipway.model.Slipway;
import dev.slipway.release.Releases;
import dev.slipway.release.VersionRef;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The releases of one App, newest first: unnumbered (Pending) ones, then by version. */
final class History {
    private static final Comparator<Release> NEWEST_FIRST = Comparator
        .comparing((Release r) -> Releases.isNumbered(r) ? 0 : 1)
        .thenComparing(Releases::version, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(r -> r.getMetadata().getCreationTimestamp(), Comparator.nullsLast(Comparator.naturalOrder()))
        .reversed();

    private final String app;
    private final List<Release> releases;

    private History(String app, List<Release> releases) {
        this.app = app;
        this.releases = releases.stream().sorted(NEWEST_FIRST).toList();
    }

    static History of(Session session, String app) {
        return new History(app, session.releases(app));
    }

    List<Release> newestFirst() {
        return releases;
    }

    /** "v3", "3" or a Release name; without one, the newest numbered release. Not found is exit 3, in every command. */
    Release find(String ref) {
        if (ref == null) {
            return releases.stream().filter(Releases::isNumbered).findFirst()
                .orElseThrow(() -> new CliException(Exit.NOT_FOUND, "App " + app + " has no numbered release yet"));
        }
        VersionRef wanted;
        try {
            wanted = ReleaseArgs.parse(ref);
        } catch (IllegalArgumentException e) {
            throw new CliException(Exit.USAGE, e.getMessage());
        }
        return releases.stream()
            .filter(r -> wanted.version() != null ? wanted.version().equals(Releases.version(r)) : wanted.name().equals(r.getMetadata().getName()))
            .findFirst()
            .orElseThrow(() -> new CliException(Exit.NOT_FOUND, "App " + app + " has no release " + wanted
                + "; kubectl slipway releases -a " + app + " lists them"));
    }

    /**
     * Who made the release: the user the API server stamped when the admission policy is installed, else the name
     * kubectl-slipway or the operator declared, else unknown ("-").
     */
    static String by(Release release) {
        Map<String, String> annotations = release.getMetadata().getAnnotations();
        if (annotations == null) {
            return "-";
        }
        return Stream.of(Slipway.ANNOTATION_CREATED_BY_USER, Slipway.ANNOTATION_CREATED_BY)
            .map(annotations::get)
            .filter(by -> by != null && !by.isBlank())
            .findFirst().orElse("-");
    }

    static String label(Release release) {
        return Releases.isNumbered(release) ? Releases.label(release) : "-";
    }
}

package dev.slipway.release;

import dev.slipway.model.Cause;
import dev.slipway.model.Release;
import dev.slipway.model.Slipway;
import dev.slipway.model.ReleasePhase;
import java.util.Comparator;

/** Small facts about one Release that several steps ask for. */
public final class Releases {
    /** Creation order: creationTimestamp, then name; the order versions are assigned in. */
    public static final Comparator<Release> CREATION_ORDER = Comparator
        .comparing((Release r) -> r.getMetadata().getCreationTimestamp(), Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(r -> r.getMetadata().getName());

    public static final Comparator<Release> BY_VERSION = Comparator.comparing(Releases::version);

    private Releases() {
    }

    public static Long version(Release release) {
        return release.getStatus() == null ? null : release.getStatus().getVersion();
    }

    /**
     * The App a release belongs to: its spec says, or, when the spec could not be read, the app label the operator
     * put on it at numbering.
     */
    public static String app(Release release) {
        if (release.getSpec() != null && release.getSpec().getApp() != null) {
            return release.getSpec().getApp();
        }
        return release.getMetadata().getLabels() == null ? null : release.getMetadata().getLabels().get(Slipway.LABEL_APP);
    }

    public static boolean isNumbered(Release release) {
        return version(release) != null;
    }

    public static ReleasePhase phase(Release release) {
        return release.getStatus() == null ? null : release.getStatus().getPhase();
    }

    public static Cause cause(Release release) {
        return release.getSpec().getCause() == null ? Cause.Deploy : release.getSpec().getCause();
    }

    public static String label(Release release) {
        return "v" + version(release);
    }

    /**
     * A staged release ({@code spec.promote: false}) that no Promotion made run and that never ran (a pin runs it: a
     * pin is a promotion too). It never runs by itself.
     */
    public static boolean staged(Release release) {
        boolean promoted = release.getStatus() != null && release.getStatus().getPromotedAt() != null;
        return Boolean.FALSE.equals(release.getSpec().getPromote()) && !promoted && !hasRun(release);
    }

    /** A release that has run: Active now, or Active before another replaced it. */
    public static boolean hasRun(Release release) {
        return release.getStatus() != null && release.getStatus().getDeployedAt() != null;
    }
}

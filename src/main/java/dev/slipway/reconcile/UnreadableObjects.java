package dev.slipway.reconcile;

import dev.slipway.metrics.SlipwayMetrics;
import dev.slipway.model.ReadProblem;
import dev.slipway.model.Release;
import dev.slipway.model.Slipway;
import dev.slipway.release.Releases;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Reports objects the model could not read in full ({@link ReadProblem}): a warning log line and a Warning
 * Event naming the object and the field, and the {@code slipway_unreadable_objects_total} metric, once per
 * generation of the object, however often it is reconciled. The operator leaves such an object, and what it
 * runs, as it is; each reconciler also writes a status where the object's own status was readable.
 */
final class UnreadableObjects {
    static final String REASON = "Unreadable";
    private static final Logger LOG = Logger.getLogger(UnreadableObjects.class);

    private final EventRecorder events;
    private final SlipwayMetrics metrics;
    /** The problem last reported per object uid, with the generation it was seen at. */
    private final Map<String, String> reported = new ConcurrentHashMap<>();

    UnreadableObjects(EventRecorder events, SlipwayMetrics metrics) {
        this.events = events;
        this.metrics = metrics;
    }

    /** What a status condition or refusal says about {@code object}. */
    static <T extends HasMetadata & ReadProblem> String message(T object) {
        return "Cannot read " + object.getKind() + " " + object.getMetadata().getName() + ": " + object.getReadProblem()
            + ". The operator leaves it, and what runs, as it is: correct the manifest and apply it again";
    }

    /**
     * Whether an unreadable release may have a version: its status says so, or could not be read, or it carries the
     * version label. Such a release is part of the App's history, which cannot be judged without it.
     */
    static boolean mayBeNumbered(Release release) {
        return !release.isStatusReadable() || Releases.isNumbered(release)
            || release.getMetadata().getLabels() != null && release.getMetadata().getLabels().containsKey(Slipway.LABEL_VERSION);
    }

    /** What the App's Stalled condition says about a release of its history that cannot be read. */
    static String messageForApp(Release release) {
        return "Cannot read Release " + release.getMetadata().getName() + " of this App's history: " + release.getReadProblem()
            + ". Nothing is numbered, deployed or pruned for the App until it is corrected (what runs is kept): correct"
            + " that Release's manifest and apply it again";
    }

    /** Whether {@code object} is readable; when not, reports it unless this generation was reported already. */
    <T extends HasMetadata & ReadProblem> boolean check(T object) {
        String uid = object.getMetadata().getUid();
        if (object.isReadable()) {
            if (uid != null) {
                reported.remove(uid);
            }
            return true;
        }
        String seen = object.getMetadata().getGeneration() + " " + object.getReadProblem();
        if (uid == null || !Objects.equals(reported.put(uid, seen), seen)) {
            LOG.warnf("Cannot read %s %s/%s: %s", object.getKind(), object.getMetadata().getNamespace(),
                object.getMetadata().getName(), object.getReadProblem());
            events.warning(object, REASON, message(object));
            metrics.unreadable(object.getKind());
        }
        return false;
    }
}

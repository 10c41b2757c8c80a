package dev.slipway.reconcile;

import dev.slipway.model.Cause;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.jboss.logging.Logger;

/**
 * What a planned write tells once it is made: a Kubernetes Event, a log line, a metric. Planned with the write and
 * sent by the executor after it, so a write that fails tells nothing. Texts hold names, versions and reasons, never
 * config values.
 */
sealed interface Notice {
    record Event(HasMetadata about, boolean warning, String reason, String message) implements Notice {
    }

    /** @param category the logger's name: the class that decided on the write, as operators filter the log by it */
    record Log(String category, Logger.Level level, String message) implements Notice {
    }

    record ReleaseCreated(Cause cause) implements Notice {
    }

    record RolloutStarted(String releaseUid) implements Notice {
    }

    /** @param completed true when the release became Active; false when the rollout ended otherwise */
    record RolloutEnded(String releaseUid, boolean completed) implements Notice {
    }

    record ReleaseFailed(String reason) implements Notice {
    }

    record RolledBack(boolean automatic) implements Notice {
    }

    /** @param inPlace a staged release runs as it is; false: it was copied into a new release */
    record Promoted(boolean inPlace) implements Notice {
    }

    static Notice normal(HasMetadata about, String reason, String message) {
        return new Event(about, false, reason, message);
    }

    static Notice warning(HasMetadata about, String reason, String message) {
        return new Event(about, true, reason, message);
    }

    static Notice info(Class<?> by, String message) {
        return new Log(by.getName(), Logger.Level.INFO, message);
    }

    static Notice warn(Class<?> by, String message) {
        return new Log(by.getName(), Logger.Level.WARN, message);
    }
}

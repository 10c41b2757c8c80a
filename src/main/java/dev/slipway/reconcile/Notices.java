package dev.slipway.reconcile;

import dev.slipway.metrics.SlipwayMetrics;
import java.util.List;
import org.jboss.logging.Logger;

/** Tells what a write planned to tell, once it is made: Events (sent in the background), log lines, metrics. */
final class Notices {
    private final EventRecorder events;
    private final SlipwayMetrics metrics;

    Notices(EventRecorder events, SlipwayMetrics metrics) {
        this.events = events;
        this.metrics = metrics;
    }

    void tell(List<Notice> notices) {
        notices.forEach(this::tell);
    }

    private void tell(Notice notice) {
        if (notice instanceof Notice.Event event) {
            if (event.warning()) {
                events.warning(event.about(), event.reason(), event.message());
            } else {
                events.normal(event.about(), event.reason(), event.message());
            }
        } else if (notice instanceof Notice.Log log) {
            Logger.getLogger(log.category()).log(log.level(), log.message());
        } else if (notice instanceof Notice.ReleaseCreated created) {
            metrics.releaseCreated(created.cause());
        } else if (notice instanceof Notice.RolloutStarted started) {
            metrics.rolloutStarted(started.releaseUid());
        } else if (notice instanceof Notice.RolloutEnded ended) {
            metrics.rolloutEnded(ended.releaseUid(), ended.completed());
        } else if (notice instanceof Notice.ReleaseFailed failed) {
            metrics.releaseFailed(failed.reason());
        } else if (notice instanceof Notice.RolledBack rolledBack) {
            metrics.rollback(rolledBack.automatic());
        } else if (notice instanceof Notice.Promoted promoted) {
            metrics.promotion(promoted.inPlace());
        }
    }
}

package dev.slipway.reconcile;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Kubernetes Events on Apps and Releases. Messages are built from names, versions and reasons only,
 * never from config values. A failed event write is logged and ignored: events are best effort.
 * <p>
 * Each recorder sends its events in order on its own background thread, as client-go's broadcaster does, so
 * a reconcile never waits for them: a deploy records several, and on the reconcile thread they would sit
 * between the rollout finishing and the release turning Active. When the API server is slower than the
 * events come, the newest are dropped beyond {@link #BACKLOG} and a warning says how many. The thread is
 * one per recorder (so per controller of one operator), never shared: another operator's backlog, say one
 * stopped in the same JVM, must not delay these events. It ends after {@link #IDLE} without events.
 */
public final class EventRecorder {
    public static final String COMPONENT = "slipway-operator";
    /** Events waiting to be sent; a thousand apps deploying at once make a few thousand. */
    static final int BACKLOG = 10_000;
    /** How long the sender thread waits for the next event before it ends; a new event starts it again. */
    static final Duration IDLE = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(EventRecorder.class);

    private final KubernetesClient client;
    private final Clock clock;
    private final ThreadPoolExecutor sender;
    private final AtomicLong dropped = new AtomicLong();

    public EventRecorder(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
        this.sender = new ThreadPoolExecutor(1, 1, IDLE.toMillis(), TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(BACKLOG), runnable -> {
                Thread thread = new Thread(runnable, "slipway-events");
                thread.setDaemon(true);
                return thread;
            }, (event, executor) -> dropped());
        this.sender.allowCoreThreadTimeOut(true);
    }

    public void normal(HasMetadata object, String reason, String message) {
        record(object, "Normal", reason, message);
    }

    public void warning(HasMetadata object, String reason, String message) {
        record(object, "Warning", reason, message);
    }

    private void record(HasMetadata object, String type, String reason, String message) {
        String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        var event = new EventBuilder()
            .withNewMetadata()
                .withName(object.getMetadata().getName() + "." + UUID.randomUUID().toString().substring(0, 13).replace("-", ""))
                .withNamespace(object.getMetadata().getNamespace())
            .endMetadata()
            .withNewInvolvedObject()
                .withApiVersion(object.getApiVersion())
                .withKind(object.getKind())
                .withName(object.getMetadata().getName())
                .withNamespace(object.getMetadata().getNamespace())
                .withUid(object.getMetadata().getUid())
            .endInvolvedObject()
            .withType(type)
            .withReason(reason)
            .withMessage(message)
            .withCount(1)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withNewSource().withComponent(COMPONENT).endSource()
            .withReportingComponent(COMPONENT)
            .build();
        sender.execute(() -> send(event));
    }

    private void send(Event event) {
        try {
            client.v1().events().inNamespace(event.getMetadata().getNamespace()).resource(event).create();
        } catch (RuntimeException e) {
            // Best effort, whatever went wrong (API error, client already closed at shutdown).
            var about = event.getInvolvedObject();
            LOG.warnf("Could not record event %s on %s %s/%s: %s", event.getReason(), about.getKind(),
                about.getNamespace(), about.getName(), e.getMessage());
        }
    }

    private void dropped() {
        long count = dropped.incrementAndGet();
        if (count == 1 || count % 1000 == 0) {
            LOG.warnf("%d events dropped so far: the API server accepts them slower than they are recorded", count);
        }
    }
}

package dev.slipway.runtime;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.javaoperatorsdk.operator.api.config.InformerStoppedHandler;
import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.Quarkus;
import jakarta.inject.Singleton;
import java.util.function.IntConsumer;
import org.jboss.logging.Logger;

/**
 * An informer that stops with an error does not start again: Fabric8 retries every failure of a list or a watch
 * except an object it cannot read, and then gives up on that kind. The operator would go on as a leader with a
 * cache that no longer changes, not ready but never restarted, holding its Lease. So the process exits with 1,
 * through Quarkus' orderly shutdown (the Lease is handed back first, {@link Handover}), Kubernetes restarts it with
 * fresh caches and a standby leads meanwhile. JOSDK's default handler does the same with System.exit, but only after
 * the first sync; the operator extension installs none unless the application defines one, as this class does.
 * <p>
 * The log names the kind and, for an unreadable object, the field path, never the value: the object may be a Secret
 * whose data is in the failure's message.
 */
@Singleton
@Unremovable // looked up by the operator extension, not injected: ArC would drop it as unused
public class LostInformerExit implements InformerStoppedHandler {
    static final int EXIT_CODE = 1;
    private static final Logger LOG = Logger.getLogger(LostInformerExit.class);

    private final IntConsumer exit;

    public LostInformerExit() {
        this(Quarkus::asyncExit);
    }

    /** {@code exit} ends the operator with the given code, asynchronously: it is called on the informer's own thread. */
    public LostInformerExit(IntConsumer exit) {
        this.exit = exit;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void onStop(SharedIndexInformer informer, Throwable failure) {
        if (failure == null) {
            return; // stopped on purpose: the operator is stopping
        }
        LOG.errorf("The watch of %s stopped and cannot resume: %s. Exiting with %d so that the operator restarts with fresh caches;"
            + " a standby leads meanwhile. If it stops again after the restart, an object of that kind holds a value this client"
            + " cannot read at that field: correct or delete it.",
            kind(informer), reason(failure), EXIT_CODE);
        exit.accept(EXIT_CODE);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static String kind(SharedIndexInformer informer) {
        Class<? extends HasMetadata> type = informer.getApiTypeClass();
        return type == null ? "a kind" : HasMetadata.getFullResourceName(type);
    }

    /** The failure's class chain, with the field path of an object that could not be read; no message, no value. */
    static String reason(Throwable failure) {
        StringBuilder reason = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                return "an object it cannot read (field " + fieldPath(mapping) + ", " + cause.getClass().getSimpleName() + ")";
            }
            reason.append(reason.isEmpty() ? "" : " caused by ").append(cause.getClass().getSimpleName());
        }
        return reason.toString();
    }

    private static String fieldPath(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}

package dev.slipway.reconcile;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.function.UnaryOperator;

/**
 * A failed App pass as JOSDK logs it (a warning with the exception, at every failed pass): the failure and each of
 * its causes as "class: message", with every config value replaced, and their stack traces. An API server can quote
 * a config value in its answer (an admission webhook that names the value it refuses, a validation error), and the
 * log must not hold it any more than the status does. The failure itself is kept, not as a cause (a logger would
 * print its message), for what the App's conditions say about it ({@link ReconcileErrors}).
 * <p>
 * A conflict is passed on as it is: JOSDK logs it in one line by its own kind and message, which names objects only.
 */
final class ScrubbedFailure extends RuntimeException {
    private final transient RuntimeException failure;

    private ScrubbedFailure(RuntimeException failure, UnaryOperator<String> hide) {
        super(line(failure, hide), scrubbed(failure.getCause(), hide));
        this.failure = failure;
        setStackTrace(failure.getStackTrace());
    }

    static RuntimeException of(RuntimeException failure, UnaryOperator<String> hide) {
        if (failure instanceof ScrubbedFailure || failure instanceof KubernetesClientException request
            && request.getCode() == HttpURLConnection.HTTP_CONFLICT) {
            return failure;
        }
        return new ScrubbedFailure(failure, hide);
    }

    /** Printed as the failure it stands for would be: "class: message". */
    @Override
    public String toString() {
        return getMessage();
    }

    /**
     * What failed, for deciding what to report: the failure as thrown, when {@code error} is a scrubbed one or wraps one
     * (JOSDK hands updateErrorStatus the reconciler's exception inside its own OperatorException).
     */
    static Exception original(Exception error) {
        return ReconcileErrors.cause(error, ScrubbedFailure.class).<Exception>map(scrubbed -> scrubbed.failure).orElse(error);
    }

    private static Throwable scrubbed(Throwable cause, UnaryOperator<String> hide) {
        if (cause == null) {
            return null;
        }
        Throwable copy = new Cause(line(cause, hide), cause.getCause() == cause ? null : scrubbed(cause.getCause(), hide));
        copy.setStackTrace(cause.getStackTrace());
        return copy;
    }

    private static String line(Throwable error, UnaryOperator<String> hide) {
        return error.getClass().getName() + (error.getMessage() == null ? "" : ": " + hide.apply(error.getMessage()));
    }

    /** One cause of the failure, by its class name and scrubbed message. */
    private static final class Cause extends RuntimeException {
        Cause(String line, Throwable cause) {
            super(line, cause);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}

package dev.slipway.reconcile;

import dev.slipway.model.Release;
import dev.slipway.status.Health;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What an App's conditions say about a pass that failed (JOSDK retries it with backoff, 200 ms doubling to 30 s). A
 * conflict (409) says nothing: another writer moved the object on, and the next pass decides again on what it wrote. A
 * write the API server refuses for a reason only a person can remove is {@link WriteRefusals WriteRefused} at once. An
 * API server that answers with a server error or throttling, or does not answer, is {@code ReconcileError} at once too:
 * the client has already tried such a request again ten times, with growing pauses, before the pass failed.
 * Anything else (another answer, an error of the operator's own) is {@code ReconcileError} once it has failed
 * {@link #REPORTED_AFTER_FAILURES} passes in a row, since one such failure is usually a race the next pass resolves.
 * Messages never hold a config value: one the server quotes is replaced.
 */
final class ReconcileErrors {
    static final String REASON = "ReconcileError";
    /** Passes failed in a row before the error is reported: the fourth failure comes 1.4 s after the first. */
    static final int REPORTED_AFTER_FAILURES = 4;
    private static final int MAX_DETAIL = 500;
    /** Shorter values are not replaced: they would garble the message and hide nothing. */
    private static final int MIN_HIDDEN_LENGTH = 4;
    private static final String HIDDEN = "<config value>";

    private ReconcileErrors() {
    }

    /**
     * @param failures passes failed in a row, this one included
     * @param releases the App's releases, whose config values a message must not hold besides the App's own
     */
    static Optional<Health> health(Exception error, int failures, Map<String, String> appConfig, List<Release> releases) {
        Optional<EnvSourceAccess.Forbidden> forbidden = cause(error, EnvSourceAccess.Forbidden.class);
        if (forbidden.isPresent()) {
            return Optional.of(Health.stalled(EnvSourceAccess.REASON, forbidden.get().getMessage()));
        }
        Optional<KubernetesClientException> request = requestError(error);
        if (request.isPresent() && request.get().getCode() == HttpURLConnection.HTTP_CONFLICT) {
            return Optional.empty();
        }
        if (request.isPresent() && WriteRefusals.isRefusal(request.get())) {
            return Optional.of(Health.stalled(WriteRefusals.REASON, hide(WriteRefusals.message(request.get()), appConfig, releases)));
        }
        Optional<KubernetesClientException> serverTrouble = request.filter(ReconcileErrors::retriedByTheClient);
        if (serverTrouble.isPresent()) {
            String message = capitalized(describe(serverTrouble.get())) + ", after the client's own retries. What runs is kept"
                + " and the pass is retried with backoff (up to 30 s apart); the App goes on by itself once the API server"
                + " answers again; if it persists, look at the API server's health (kubectl get --raw /readyz)";
            return Optional.of(Health.stalled(REASON, hide(message, appConfig, releases)));
        }
        if (failures < REPORTED_AFTER_FAILURES) {
            return Optional.empty();
        }
        String what = request.map(ReconcileErrors::describe).orElseGet(() -> describe(error));
        String message = "The last " + failures + " passes failed: " + what + ". What runs is kept and the pass is retried"
            + " with backoff (up to 30 s apart); if it persists, the operator's log has the stack trace (fields namespace"
            + " and app): please report it";
        return Optional.of(Health.stalled(REASON, hide(message, appConfig, releases)));
    }

    /** Server errors, throttling and requests without an answer: the client retries them with backoff before it gives up. */
    private static boolean retriedByTheClient(KubernetesClientException e) {
        return e.getCode() == 429 || e.getCode() >= 500 || (e.getCode() <= 0 && root(e) instanceof IOException);
    }

    private static Optional<KubernetesClientException> requestError(Throwable error) {
        return cause(error, KubernetesClientException.class);
    }

    /** The first of {@code error} and its causes that is a {@code type}. */
    static <T extends Throwable> Optional<T> cause(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    /** "the API server answered 500 (InternalError) for configmaps shop-slipway-releases: …", or that it did not answer. */
    private static String describe(KubernetesClientException e) {
        String object = e.getResourcePlural() == null ? "" : " for " + e.getResourcePlural() + (e.getName() == null ? "" : " " + e.getName());
        if (e.getCode() <= 0 || e.getStatus() == null) {
            Throwable root = root(e);
            return "no answer from the API server" + object + " (" + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + truncated(root.getMessage())) + ")";
        }
        String reason = e.getStatus().getReason() == null ? "" : " (" + e.getStatus().getReason() + ")";
        String detail = e.getStatus().getMessage() == null ? "" : ": " + truncated(e.getStatus().getMessage());
        return "the API server answered " + e.getCode() + reason + object + detail;
    }

    /** An error of the operator's own: its messages are built from names, versions and keys. */
    private static String describe(Throwable error) {
        return "the operator failed with " + error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + truncated(error.getMessage()));
    }

    private static Throwable root(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String truncated(String text) {
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text;
    }

    /** {@code message} with every config value of the App and its releases replaced, longest first. */
    static String hide(String message, Map<String, String> appConfig, Collection<Release> releases) {
        Stream<String> released = releases.stream().filter(Release::isReadable).filter(r -> r.getSpec() != null && r.getSpec().getConfig() != null)
            .flatMap(r -> r.getSpec().getConfig().values().stream());
        Stream<String> own = appConfig == null ? Stream.empty() : appConfig.values().stream();
        String hidden = message;
        for (String value : Stream.concat(own, released).filter(Objects::nonNull).filter(v -> v.length() >= MIN_HIDDEN_LENGTH)
                .distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            hidden = hidden.replace(value, HIDDEN);
        }
        return hidden;
    }
}

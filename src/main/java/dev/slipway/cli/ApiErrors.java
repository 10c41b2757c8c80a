package dev.slipway.cli;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Turns what the Kubernetes client throws into one sentence that says what is wrong and what to do. */
final class ApiErrors {
    private ApiErrors() {
    }

    static CliException translate(RuntimeException e, Session session) {
        if (e instanceof CliException cli) {
            return cli;
        }
        if (e instanceof KubernetesClientException api) {
            return translate(api, session);
        }
        return new CliException(Exit.ERROR, firstLine(e.getMessage() == null ? e.toString() : e.getMessage()));
    }

    private static CliException translate(KubernetesClientException e, Session session) {
        String reason = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : null;
        String who = session == null ? "" : " (user " + session.user() + ")";
        return switch (e.getCode()) {
            case 401 -> new CliException(Exit.FORBIDDEN, "unauthorized: the API server rejected the credentials" + who
                + "; log in again or pick another context with --context");
            case 403 -> new CliException(Exit.FORBIDDEN, "forbidden: " + (reason != null ? reason : "permission denied" + who)
                + "; ask a cluster admin for access to slipway.dev resources in this namespace");
            case 404 -> new CliException(Exit.NOT_FOUND, "not found: " + (reason != null ? reason : "the Slipway API "
                + "(slipway.dev/v1alpha1) is not installed in this cluster") + "; are the Slipway CRDs installed (make install)?");
            case 422, 400 -> new CliException(Exit.USAGE, "rejected by the API server: " + (reason != null ? reason : firstLine(e.getMessage())));
            case 409 -> new CliException(Exit.ERROR, "conflict: " + (reason != null ? reason : "the object changed meanwhile") + "; try again");
            default -> unreachable(e, session).orElseGet(() -> new CliException(Exit.ERROR,
                "the API server answered " + e.getCode() + ": " + (reason != null ? reason : firstLine(e.getMessage()))));
        };
    }

    private static Optional<CliException> unreachable(KubernetesClientException e, Session session) {
        Optional<CliException> untrusted = untrusted(e, session);
        if (untrusted.isPresent()) {
            return untrusted;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException || cause instanceof TimeoutException
                || cause instanceof IOException) {
                String url = session == null ? "" : " at " + session.masterUrl();
                return Optional.of(new CliException(Exit.ERROR, "cannot reach the Kubernetes API" + url + " ("
                    + whatHappened(cause) + "); check the cluster and your kubeconfig context"));
            }
        }
        return Optional.empty();
    }

    /**
     * A failed TLS handshake, named as such: "cannot reach" would send the user to check the network, when what
     * is wrong is which certificate authority the kubeconfig trusts, or which server it names. The deepest cause
     * says it best ("unable to find valid certification path", "No subject alternative names matching ...").
     */
    private static Optional<CliException> untrusted(KubernetesClientException e, Session session) {
        Throwable deepest = null;
        boolean handshake = false;
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            handshake |= cause instanceof SSLException;
            deepest = cause;
        }
        if (!handshake) {
            return Optional.empty();
        }
        String url = session == null ? "" : " with " + session.masterUrl();
        return Optional.of(new CliException(Exit.ERROR, "TLS handshake" + url + " failed (" + whatHappened(deepest)
            + "); check that the certificate-authority of your kubeconfig context is the one that signed the API "
            + "server's certificate, and that the server address is the one in that certificate"));
    }

    /**
     * The first message down the chain of causes, else what the types say: when a connection is refused, the JDK
     * HTTP client throws a ConnectException without a message, which Fabric8 wraps in an IOException without one.
     */
    static String whatHappened(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // new IOException(cause) takes cause.toString() as its message: a class name, not an explanation.
            boolean wrapper = cause.getCause() != null && cause.getCause().toString().equals(cause.getMessage());
            if (cause.getMessage() != null && !cause.getMessage().isBlank() && !wrapper) {
                return firstLine(cause.getMessage());
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
            if (cause instanceof UnknownHostException) {
                return "unknown host";
            }
            if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException) {
                return "timed out";
            }
            if (cause instanceof EOFException || cause instanceof ClosedChannelException) {
                return "the connection was closed";
            }
        }
        return "no answer";
    }

    static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).trim();
    }
}

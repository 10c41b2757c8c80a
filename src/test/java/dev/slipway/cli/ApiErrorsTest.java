package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;

/** What an unreachable API server looks like to the user when the exceptions carry no message. */
class ApiErrorsTest {

    /** What the JDK HTTP client and Fabric8 throw when nothing listens on the port: no message anywhere. */
    private static IOException refused() {
        ConnectException connect = new ConnectException();
        connect.initCause(new ClosedChannelException());
        return new IOException(null, connect);
    }

    @Test
    void aRefusedConnectionSaysSoInsteadOfNull() {
        CliException failure = ApiErrors.translate(new KubernetesClientException("Operation: [list] failed.", refused()), null);

        assertThat(failure.exit).isEqualTo(Exit.ERROR);
        assertThat(failure.getMessage())
            .isEqualTo("cannot reach the Kubernetes API (connection refused); check the cluster and your kubeconfig context");
    }

    @Test
    void theFirstMessageDownTheChainWins() {
        assertThat(ApiErrors.whatHappened(new IOException(null, new ConnectException("No route to host")))).isEqualTo("No route to host");
        assertThat(ApiErrors.whatHappened(new IOException(new ConnectException("Connection refused"))))
            .as("a wrapper's message is its cause's class name").isEqualTo("Connection refused");
        assertThat(ApiErrors.whatHappened(new HttpTimeoutException("request timed out"))).isEqualTo("request timed out");
    }

    @Test
    void withoutAnyMessageTheTypeTellsWhatHappened() {
        assertThat(ApiErrors.whatHappened(new IOException(null, new UnknownHostException()))).isEqualTo("unknown host");
        assertThat(ApiErrors.whatHappened(new IOException(null, new ClosedChannelException()))).isEqualTo("the connection was closed");
        assertThat(ApiErrors.whatHappened(new IOException((String) null))).isEqualTo("no answer");
    }
}

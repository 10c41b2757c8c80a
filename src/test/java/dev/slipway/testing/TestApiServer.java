package dev.slipway.testing;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * An in-process Kubernetes API: the Fabric8 mock server in CRUD mode with the CRDs from crds/ installed,
 * so the status subresource behaves as on a real server, merge patches applied as a real server applies them
 * ({@link MergePatches}), watches that resume from a version ({@link WatchesFromVersion}) and lists in pages ({@link PagedLists}). No canned expectations: every request goes to the CRUD store. The dispatcher can be wrapped (fault injection).
 */
public final class TestApiServer implements AutoCloseable {
    /** How long closing may wait for the clients' event loops to end. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final KubernetesMockServer server;
    private final MockWebServer http;
    private final List<KubernetesClient> clients = new ArrayList<>();
    /**
     * One Vert.x instance for all clients, closed with the server, as Quarkus gives its own to the operator's
     * client. A client left to make its own does not end that instance's threads when it is closed, so every
     * test leaked about five event loops per cluster.
     */
    private final Vertx vertx = Vertx.vertx();
    private final VertxHttpClientFactory httpClients = new VertxHttpClientFactory(vertx);

    private TestApiServer(KubernetesMockServer server, MockWebServer http) {
        this.server = server;
        this.http = http;
    }

    public static TestApiServer start() {
        return start(UnaryOperator.identity());
    }

    public static TestApiServer start(UnaryOperator<Dispatcher> wrapDispatcher) {
        return start(wrapDispatcher, false);
    }

    /** The same API served over HTTPS, as real API servers are, with a self-signed certificate for localhost. */
    public static TestApiServer startOverTls() {
        return start(UnaryOperator.identity(), true);
    }

    private static TestApiServer start(UnaryOperator<Dispatcher> wrapDispatcher, boolean tls) {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        Dispatcher dispatcher = wrapDispatcher.apply(new PagedLists(new WatchesFromVersion(new AuthorizationReviews(new StatusConflicts(new MergePatches())))));
        var http = new MockWebServer();
        var server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), http, responses, dispatcher, tls);
        server.init();
        var api = new TestApiServer(server, http);
        api.installCrds(Path.of("crds"));
        return api;
    }

    /** The PEM file of the server's certificate, which a kubeconfig names as its certificate-authority. */
    public Path certificateAuthority() {
        if (http.getSelfSignedCertificate() == null) {
            throw new IllegalStateException("this API server speaks plain HTTP; start it with startOverTls()");
        }
        return Path.of(http.getSelfSignedCertificate().certificatePath());
    }

    /** A new client; each operator instance gets its own, like a separate process would. */
    public KubernetesClient newClient() {
        return register(build(configFor(null)));
    }

    /** A new client that identifies itself with this User-Agent (see {@link OperatorCrash}). */
    public KubernetesClient newClient(String userAgent) {
        return register(build(configFor(userAgent)));
    }

    /** The same, waiting up to {@code requestTimeout} for each answer (the client's default is 10 s). */
    public KubernetesClient newClient(String userAgent, Duration requestTimeout) {
        return register(build(configFor(userAgent).withRequestTimeout((int) requestTimeout.toMillis())));
    }

    /**
     * A client that retries a 5xx answer first after {@code backoff}, doubling as Fabric8 does, instead of after its
     * default 100 ms; it still retries as often.
     */
    public KubernetesClient newClientRetryingAfter(Duration backoff) {
        return register(build(configFor(null).withRequestRetryBackoffInterval((int) backoff.toMillis())));
    }

    private KubernetesClient build(ConfigBuilder config) {
        return new KubernetesClientBuilder().withHttpClientFactory(httpClients).withConfig(config.build()).build();
    }

    /** What the mock server's own createClient() configures, plus a User-Agent when one is given. */
    private ConfigBuilder configFor(String userAgent) {
        ConfigBuilder config = new ConfigBuilder()
            .withMasterUrl(url())
            .withTrustCerts(true)
            .withNamespace("test")
            .withHttp2Disable(true);
        return userAgent == null ? config : config.withUserAgent(userAgent);
    }

    private KubernetesClient register(KubernetesClient client) {
        synchronized (clients) {
            clients.add(client);
        }
        return client;
    }

    public String url() {
        return server.url("/");
    }

    private void installCrds(Path dir) {
        KubernetesClient client = newClient();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    CustomResourceDefinition crd = client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
                    client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read CRDs from " + dir.toAbsolutePath(), e);
        }
    }

    @Override
    public void close() {
        synchronized (clients) {
            clients.forEach(KubernetesClient::close);
        }
        server.destroy();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the test clients' Vert.x did not close within " + CLOSE_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

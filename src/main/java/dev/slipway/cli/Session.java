package dev.slipway.cli;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleaseSpec;
import dev.slipway.model.Slipway;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A connection to the cluster of the user's kubeconfig, in one namespace, as one kubeconfig user: the user
 * name is what the plugin records as "By" on what it creates.
 */
final class Session implements AutoCloseable {
    static final String UNKNOWN_USER = "unknown";

    private final KubernetesClient client;
    private final String namespace;
    private final String user;

    private Session(KubernetesClient client, String namespace, String user) {
        this.client = client;
        this.namespace = namespace;
        this.user = user;
    }

    static Session open(CommonOptions options) {
        Warmup warmup = Warmup.start();
        Config config = ClusterConfig.load(options.context, options.kubeconfig);
        // A CLI should answer quickly when the cluster is away, not retry for half a minute.
        config.setRequestRetryBackoffLimit(1);
        config.setRequestRetryBackoffInterval(200);
        config.setConnectionTimeout(5_000);
        config.setRequestTimeout(15_000);
        config.setUserAgent("kubectl-slipway/" + Version.get());
        String namespace = options.namespace != null ? options.namespace
            : config.getNamespace() != null ? config.getNamespace() : "default";
        // Named rather than discovered: the test classpath also holds the operator's Vert.x transport.
        return new Session(new KubernetesClientBuilder().withHttpClientFactory(new JdkHttpClientFactory()).withConfig(config)
            .withKubernetesSerialization(warmup.serialization()).build(), namespace, user(config));
    }

    /** The user of the current context, else the basic-auth user name, else "unknown". */
    private static String user(Config config) {
        NamedContext current = config.getCurrentContext();
        if (current != null && current.getContext() != null && current.getContext().getUser() != null
            && !current.getContext().getUser().isBlank()) {
            return current.getContext().getUser();
        }
        return config.getUsername() != null && !config.getUsername().isBlank() ? config.getUsername() : UNKNOWN_USER;
    }

    KubernetesClient client() {
        return client;
    }

    String namespace() {
        return namespace;
    }

    String user() {
        return user;
    }

    String masterUrl() {
        return client.getConfiguration().getMasterUrl();
    }

    /** The App, or a not-found error that says where we looked and what lists the Apps there. */
    App app(String name) {
        return app(name, "kubectl slipway apps -n " + namespace + " lists the Apps there");
    }

    /** @param hint what to do when it is not there: the way to list Apps, or (for `apps` itself) something else */
    App app(String name, String hint) {
        App app = client.resources(App.class).inNamespace(namespace).withName(name).get();
        if (app == null) {
            speaksKubernetes();
            throw new CliException(Exit.NOT_FOUND, "App " + name + " not found in namespace " + namespace + "; " + hint);
        }
        return app;
    }

    /**
     * The client reads a 404 as "no such object", whatever answered it; before saying an App is missing, make sure the
     * server is a Kubernetes API server with the Slipway API, by listing Apps (a 404 there means it is not).
     */
    private void speaksKubernetes() {
        try {
            client.resources(App.class).inNamespace(namespace).list();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw e;
            }
            String version = null;
            try {
                version = client.getKubernetesVersion().getGitVersion();
            } catch (RuntimeException notKubernetes) {
                // Answered below: a server without /version is not a Kubernetes API server.
            }
            if (version == null) {
                throw new CliException(Exit.ERROR, "the server at " + masterUrl() + " does not answer as a Kubernetes API server"
                    + " (no Slipway API, no /version); check the server address of your kubeconfig context (--context, --kubeconfig)");
            }
            throw new CliException(Exit.NOT_FOUND, "the Slipway API (slipway.dev/v1alpha1) is not installed in the cluster at "
                + masterUrl() + " (Kubernetes " + version + "); install the CRDs (make install)");
        }
    }

    /**
     * A Release of {@code app} for this namespace, as every command that creates one starts it: a generated
     * name, the app label and who made it (the kubeconfig user); the caller fills in the build.
     */
    Release newRelease(String app) {
        Release release = new Release();
        release.getMetadata().setGenerateName(app + "-");
        release.getMetadata().setNamespace(namespace);
        release.getMetadata().setLabels(new LinkedHashMap<>(Map.of(Slipway.LABEL_APP, app)));
        release.getMetadata().setAnnotations(new LinkedHashMap<>(Map.of(Slipway.ANNOTATION_CREATED_BY, user)));
        ReleaseSpec spec = new ReleaseSpec();
        spec.setApp(app);
        release.setSpec(spec);
        return release;
    }

    /** Every release of the App, numbered or not. */
    List<Release> releases(String app) {
        return client.resources(Release.class).inNamespace(namespace).list().getItems().stream()
            .filter(r -> r.getSpec() != null && app.equals(r.getSpec().getApp()))
            .toList();
    }

    @Override
    public void close() {
        client.close();
    }
}

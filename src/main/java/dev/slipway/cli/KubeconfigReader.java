package dev.slipway.cli;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.AuthProviderConfig;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.Context;
import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.ExecEnvVar;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a kubeconfig file into Fabric8's kubeconfig model by hand, for the fields Fabric8's merge reads, instead of
 * through Fabric8's own parser: that one is Jackson over the whole model plus a scan that registers every
 * Kubernetes class on the classpath, about a third of a short command's run (docs/cli.md, startup). What it
 * cannot map exactly as Jackson would (a value of another type, a document of another shape) it does not guess
 * at: it answers empty and the caller lets Fabric8 parse the file, errors included. Keys Fabric8's merge never
 * reads (preferences, extensions, tokenFile, impersonation) are skipped, as the merge skips them.
 */
final class KubeconfigReader {
    /**
     * The keys under which Fabric8's parser records each entry's file; its merge resolves relative paths by them.
     * Fabric8 does not publish them, so ClusterConfig checks after the merge that Fabric8's public getters find them.
     */
    private static final String CONTEXT_FILE_KEY = "KUBERNETES_CONFIG_CONTEXT_FILE_KEY";
    private static final String CLUSTER_FILE_KEY = "KUBERNETES_CONFIG_CLUSTER_FILE_KEY";
    private static final String USER_FILE_KEY = "KUBERNETES_CONFIG_AUTH_INFO_FILE_KEY";

    /** Thrown inside the reader when a value is not what the model expects; it ends in an empty answer. */
    private static final class Unmapped extends RuntimeException {
        Unmapped() {
            super(null, null, false, false);
        }
    }

    private final File file;

    private KubeconfigReader(File file) {
        this.file = file;
    }

    /** The kubeconfig in {@code text}, read from {@code file}; empty when Fabric8 should parse it instead. */
    static Optional<Config> read(File file, String text) {
        try {
            Object document = new Load(LoadSettings.builder().build()).loadFromString(text);
            return Optional.of(new KubeconfigReader(file).config(map(document)));
        } catch (RuntimeException e) {
            // Unmapped, or YAML the engine refuses: either way Fabric8's parser decides, and words any error.
            return Optional.empty();
        }
    }

    /**
     * Why {@code text} is not YAML at all, in one line with the place ("expected ..., but found ... at line 3, column 1");
     * empty when it parses. Fabric8 says the same without naming the file, so the plugin says it with the file.
     */
    static Optional<String> yamlProblem(String text) {
        try {
            new Load(LoadSettings.builder().build()).loadFromString(text);
            return Optional.empty();
        } catch (MarkedYamlEngineException e) {
            String where = e.getProblemMark().map(mark -> " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1)).orElse("");
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            return Optional.of(e.getProblem() + where + context);
        } catch (YamlEngineException e) {
            return Optional.of(ApiErrors.firstLine(String.valueOf(e.getMessage())));
        }
    }

    private Config config(Map<String, Object> document) {
        Config config = new Config();
        config.setCurrentContext(string(document.get("current-context")));
        config.setClusters(entries(document.get("clusters"), this::namedCluster));
        config.setUsers(entries(document.get("users"), this::namedUser));
        config.setContexts(entries(document.get("contexts"), this::namedContext));
        return config;
    }

    private NamedCluster namedCluster(Map<String, Object> entry) {
        NamedCluster named = new NamedCluster();
        named.setName(string(entry.get("name")));
        named.setCluster(optional(entry.get("cluster"), this::cluster));
        named.setAdditionalProperty(CLUSTER_FILE_KEY, file);
        return named;
    }

    private Cluster cluster(Map<String, Object> values) {
        Cluster cluster = new Cluster();
        cluster.setServer(string(values.get("server")));
        cluster.setCertificateAuthority(string(values.get("certificate-authority")));
        cluster.setCertificateAuthorityData(string(values.get("certificate-authority-data")));
        cluster.setInsecureSkipTlsVerify(bool(values.get("insecure-skip-tls-verify")));
        cluster.setProxyUrl(string(values.get("proxy-url")));
        return cluster;
    }

    private NamedAuthInfo namedUser(Map<String, Object> entry) {
        NamedAuthInfo named = new NamedAuthInfo();
        named.setName(string(entry.get("name")));
        named.setUser(optional(entry.get("user"), this::user));
        named.setAdditionalProperty(USER_FILE_KEY, file);
        return named;
    }

    private AuthInfo user(Map<String, Object> values) {
        AuthInfo user = new AuthInfo();
        user.setToken(string(values.get("token")));
        user.setUsername(string(values.get("username")));
        user.setPassword(string(values.get("password")));
        user.setClientCertificate(string(values.get("client-certificate")));
        user.setClientCertificateData(string(values.get("client-certificate-data")));
        user.setClientKey(string(values.get("client-key")));
        user.setClientKeyData(string(values.get("client-key-data")));
        user.setAuthProvider(optional(values.get("auth-provider"), this::authProvider));
        user.setExec(optional(values.get("exec"), this::exec));
        return user;
    }

    private AuthProviderConfig authProvider(Map<String, Object> values) {
        AuthProviderConfig provider = new AuthProviderConfig();
        provider.setName(string(values.get("name")));
        provider.setConfig(strings(values.get("config")));
        return provider;
    }

    private ExecConfig exec(Map<String, Object> values) {
        ExecConfig exec = new ExecConfig();
        exec.setApiVersion(string(values.get("apiVersion")));
        exec.setCommand(string(values.get("command")));
        exec.setArgs(list(values.get("args"), KubeconfigReader::string));
        exec.setEnv(entries(values.get("env"), v -> {
            ExecEnvVar variable = new ExecEnvVar();
            variable.setName(string(v.get("name")));
            variable.setValue(string(v.get("value")));
            return variable;
        }));
        return exec;
    }

    private NamedContext namedContext(Map<String, Object> entry) {
        Context context = optional(entry.get("context"), v -> {
            Context c = new Context();
            c.setCluster(string(v.get("cluster")));
            c.setUser(string(v.get("user")));
            c.setNamespace(string(v.get("namespace")));
            return c;
        });
        NamedContext named = new NamedContext();
        named.setName(string(entry.get("name")));
        named.setContext(context);
        named.setAdditionalProperty(CONTEXT_FILE_KEY, file);
        return named;
    }

    private static <T> List<T> list(Object value, Function<Object, T> element) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> items)) {
            throw new Unmapped();
        }
        List<T> result = new ArrayList<>(items.size());
        items.forEach(item -> result.add(element.apply(item)));
        return result;
    }

    private static <T> List<T> entries(Object value, Function<Map<String, Object>, T> entry) {
        return list(value, item -> entry.apply(map(item)));
    }

    private static <T> T optional(Object value, Function<Map<String, Object>, T> reader) {
        return value == null ? null : reader.apply(map(value));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        if (value instanceof Map<?, ?> map && map.keySet().stream().allMatch(String.class::isInstance)) {
            return (Map<String, Object>) map;
        }
        throw new Unmapped();
    }

    private static Map<String, String> strings(Object value) {
        if (value == null) {
            return null;
        }
        Map<String, String> result = new LinkedHashMap<>();
        map(value).forEach((key, v) -> result.put(key, string(v)));
        return result;
    }

    /** Only YAML strings: Jackson would turn 0123 or 1e3 into text its own way, so those go to Fabric8's parser. */
    private static String string(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new Unmapped();
    }

    private static Boolean bool(Object value) {
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw new Unmapped();
    }
}

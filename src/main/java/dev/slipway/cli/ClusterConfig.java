package dev.slipway.cli;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The client configuration of the user's kubeconfig, as Fabric8 builds it: the same files, the same merge, the same
 * environment variables afterwards. Only the parsing is the plugin's own ({@link KubeconfigReader}, for speed);
 * whenever that reader declines a file, or there is no kubeconfig at all (in a pod), Fabric8 does everything.
 */
final class ClusterConfig {
    /** Fabric8's switch for skipping kubeconfig files; whoever sets it gets Fabric8's handling of it. */
    private static final String TRY_KUBECONFIG = Config.KUBERNETES_AUTH_TRYKUBECONFIG_SYSTEM_PROPERTY;
    private static final String TRY_KUBECONFIG_VARIABLE = "KUBERNETES_AUTH_TRYKUBECONFIG";
    private static final String MASTER_VARIABLE = "KUBERNETES_MASTER";

    private ClusterConfig() {
    }

    /** The configuration for {@code --kubeconfig FILE} (or $KUBECONFIG / ~/.kube/config) and {@code --context}. */
    static Config load(String context, Path kubeconfig) {
        return load(context, kubeconfig, System::getenv);
    }

    /** The same, reading this process's environment through {@code environment} (tests give their own). */
    static Config load(String context, Path kubeconfig, UnaryOperator<String> environment) {
        return checked(kubeconfig != null ? fromFile(context, kubeconfig) : automatic(context, environment), context);
    }

    /** Like Config.fromKubeconfig: this file only, and no environment variables on top. */
    private static Config fromFile(String context, Path kubeconfig) {
        if (!Files.isReadable(kubeconfig)) {
            throw new CliException(Exit.USAGE, "cannot read kubeconfig " + kubeconfig);
        }
        return read(List.of(kubeconfig.toFile())).filter(configs -> !configs.isEmpty())
            .flatMap(configs -> merged(context, configs))
            .orElseGet(() -> Config.fromKubeconfig(context, kubeconfig.toFile()));
    }

    /** Like Config.autoConfigure: every kubeconfig file that exists and is not empty, then the environment. */
    private static Config automatic(String context, UnaryOperator<String> environment) {
        boolean fabric8Switch = System.getProperty(TRY_KUBECONFIG) != null || environment.apply(TRY_KUBECONFIG_VARIABLE) != null;
        List<File> files = existing();
        if (files.isEmpty() && !fabric8Switch && !configuredWithoutKubeconfig(environment)) {
            // Fabric8 would go on to https://kubernetes.default.svc and fail there with "cannot reach", which
            // sends a user without a kubeconfig looking for a network problem.
            // An empty KUBECONFIG counts as unset (Fabric8, like kubectl, then looks in ~/.kube/config); "a::b" has a blank entry.
            List<String> searched = Config.getKubeconfigFilenames().stream().filter(name -> !name.isBlank()).toList();
            throw new CliException(Exit.USAGE, "no kubeconfig at " + String.join(", ", searched)
                + "; set KUBECONFIG or give --kubeconfig FILE");
        }
        Optional<List<io.fabric8.kubernetes.api.model.Config>> parsed = fabric8Switch ? Optional.empty() : read(files);
        return parsed.filter(configs -> !configs.isEmpty()).flatMap(configs -> merged(context, configs)).map(config -> {
            Config.configFromSysPropsOrEnvVars(config);
            return config;
        }).orElseGet(() -> Config.autoConfigure(context));
    }

    /** In a pod (the service account), or with the API server named by Fabric8's variables: no kubeconfig needed. */
    private static boolean configuredWithoutKubeconfig(UnaryOperator<String> environment) {
        return environment.apply(Config.KUBERNETES_SERVICE_HOST_PROPERTY) != null
            || System.getProperty(Config.KUBERNETES_MASTER_SYSTEM_PROPERTY) != null || environment.apply(MASTER_VARIABLE) != null;
    }

    /** Fabric8's merge of what the reader read; empty if Fabric8 does not find the files the reader recorded. */
    private static Optional<Config> merged(String context, List<io.fabric8.kubernetes.api.model.Config> kubeconfigs) {
        Config config = Config.empty();
        KubeConfigUtils.merge(config, context, kubeconfigs.toArray(io.fabric8.kubernetes.api.model.Config[]::new));
        return filesFound(config, kubeconfigs) ? Optional.of(config) : Optional.empty();
    }

    /**
     * The reader records each entry's file under keys that Fabric8 does not publish; the merge resolves relative
     * certificate paths and exec commands by them, and Fabric8's public getters read them back. If an upgrade of
     * Fabric8 renames them, the getters find nothing and the caller lets Fabric8 parse the files itself: slower,
     * never wrong. Only entries that exist are checked: a context may name a cluster or user no file defines.
     */
    static boolean filesFound(Config config, List<io.fabric8.kubernetes.api.model.Config> kubeconfigs) {
        NamedContext current = config.getCurrentContext();
        if (current == null || current.getContext() == null) {
            return true;
        }
        String cluster = current.getContext().getCluster();
        String user = current.getContext().getUser();
        boolean clusterDefined = kubeconfigs.stream().anyMatch(k -> k.getClusters() != null
            && k.getClusters().stream().anyMatch(c -> c.getName() != null && c.getName().equals(cluster)));
        boolean userDefined = kubeconfigs.stream().anyMatch(k -> k.getUsers() != null
            && k.getUsers().stream().anyMatch(u -> u.getName() != null && u.getName().equals(user)));
        return KubeConfigUtils.getFileWithNamedContext(current) != null
            && (!clusterDefined || KubeConfigUtils.getFileWithNamedCluster(current) != null)
            && (!userDefined || KubeConfigUtils.getFileWithNamedAuthInfo(current) != null);
    }

    private static List<File> existing() {
        List<File> files = new ArrayList<>();
        for (String name : Config.getKubeconfigFilenames()) {
            File file = new File(name);
            if (file.isFile()) {
                files.add(file);
            }
        }
        return files;
    }

    /** Every file read by {@link KubeconfigReader}, skipping empty ones as Fabric8 does; empty if it declines one. */
    private static Optional<List<io.fabric8.kubernetes.api.model.Config>> read(List<File> files) {
        List<io.fabric8.kubernetes.api.model.Config> configs = new ArrayList<>();
        for (File file : files) {
            String text;
            try {
                text = Files.readString(file.toPath());
            } catch (IOException e) {
                return Optional.empty();
            }
            if (text.isEmpty()) {
                continue;
            }
            Optional<io.fabric8.kubernetes.api.model.Config> config = KubeconfigReader.read(file, text);
            if (config.isEmpty()) {
                KubeconfigReader.yamlProblem(text).ifPresent(problem -> {
                    throw new CliException(Exit.USAGE, "cannot parse kubeconfig " + file + ": " + problem
                        + "; fix the file, or point --kubeconfig or KUBECONFIG at another");
                });
                return Optional.empty();
            }
            configs.add(config.get());
        }
        return Optional.of(configs);
    }

    /** Fabric8 ignores an unknown --context and falls back to defaults; a user who named one wants to hear. */
    private static Config checked(Config config, String context) {
        NamedContext current = config.getCurrentContext();
        if (context != null && (current == null || !context.equals(current.getName()))) {
            throw new CliException(Exit.USAGE, "context \"" + context + "\" is not in the kubeconfig; kubectl config get-contexts lists them");
        }
        return config;
    }
}

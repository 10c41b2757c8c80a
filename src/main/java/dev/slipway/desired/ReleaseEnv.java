package dev.slipway.desired;

import dev.slipway.model.Release;
import dev.slipway.model.ReleaseSource;
import dev.slipway.model.Slipway;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The env of a process container: the release's config vars, then the SLIPWAY_* metadata vars. */
public final class ReleaseEnv {
    private ReleaseEnv() {
    }

    public static List<EnvVar> of(String appName, String process, Release release) {
        List<EnvVar> env = new ArrayList<>();
        Map<String, String> config = release.getSpec().getConfig();
        if (config != null) {
            // Sorted so that the same config always renders the same pod template.
            new TreeMap<>(config).forEach((name, value) -> env.add(var(name, value)));
        }
        env.add(var(Slipway.RESERVED_ENV_PREFIX + "APP", appName));
        env.add(var(Slipway.RESERVED_ENV_PREFIX + "PROCESS", process));
        env.add(var(Slipway.RESERVED_ENV_PREFIX + "RELEASE_VERSION", "v" + release.getStatus().getVersion()));
        env.add(var(Slipway.RESERVED_ENV_PREFIX + "RELEASE_NAME", release.getMetadata().getName()));
        ReleaseSource source = release.getSpec().getSource();
        if (source != null && source.getCommit() != null) {
            env.add(var(Slipway.RESERVED_ENV_PREFIX + "GIT_SHA", source.getCommit()));
        }
        if (source != null && source.getBranch() != null) {
            env.add(var(Slipway.RESERVED_ENV_PREFIX + "GIT_BRANCH", source.getBranch()));
        }
        return env;
    }

    private static EnvVar var(String name, String value) {
        EnvVar var = new EnvVar();
        var.setName(name);
        var.setValue(value);
        return var;
    }
}

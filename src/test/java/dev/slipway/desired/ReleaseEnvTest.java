package dev.slipway.desired;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.Release;
import dev.slipway.model.ReleaseSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseEnvTest {

    private static Release release(Map<String, String> config, ReleaseSource source) {
        Release release = DesiredDeploymentTest.release("myapp-v7", 7, "nginx");
        release.getSpec().setConfig(config);
        release.getSpec().setSource(source);
        return release;
    }

    private static ReleaseSource source(String commit, String branch) {
        ReleaseSource source = new ReleaseSource();
        source.setCommit(commit);
        source.setBranch(branch);
        return source;
    }

    private static List<String> names(List<EnvVar> env) {
        return env.stream().map(EnvVar::getName).toList();
    }

    private static String value(List<EnvVar> env, String name) {
        return env.stream().filter(e -> e.getName().equals(name)).findFirst().map(EnvVar::getValue).orElse(null);
    }

    @Test
    void configComesFirstSortedByNameThenMetadataVars() {
        List<EnvVar> env = ReleaseEnv.of("myapp", "web", release(Map.of("ZED", "1", "ALPHA", "2", "MIDDLE", "3"), null));
        assertThat(names(env)).containsExactly("ALPHA", "MIDDLE", "ZED",
            "SLIPWAY_APP", "SLIPWAY_PROCESS", "SLIPWAY_RELEASE_VERSION", "SLIPWAY_RELEASE_NAME");
    }

    @Test
    void configValuesAreCopied() {
        List<EnvVar> env = ReleaseEnv.of("myapp", "web", release(Map.of("LOG_LEVEL", "debug"), null));
        assertThat(value(env, "LOG_LEVEL")).isEqualTo("debug");
    }

    @Test
    void metadataVarsNameAppProcessAndRelease() {
        List<EnvVar> env = ReleaseEnv.of("myapp", "worker", release(Map.of(), null));
        assertThat(value(env, "SLIPWAY_APP")).isEqualTo("myapp");
        assertThat(value(env, "SLIPWAY_PROCESS")).isEqualTo("worker");
        assertThat(value(env, "SLIPWAY_RELEASE_VERSION")).isEqualTo("v7");
        assertThat(value(env, "SLIPWAY_RELEASE_NAME")).isEqualTo("myapp-v7");
    }

    @Test
    void noConfigGivesOnlyMetadataVars() {
        assertThat(names(ReleaseEnv.of("myapp", "web", release(null, null))))
            .containsExactly("SLIPWAY_APP", "SLIPWAY_PROCESS", "SLIPWAY_RELEASE_VERSION", "SLIPWAY_RELEASE_NAME");
    }

    @Test
    void gitVarsAreAddedLastWhenTheReleaseHasASource() {
        List<EnvVar> env = ReleaseEnv.of("myapp", "web", release(Map.of(), source("6d58b1ce8a", "main")));
        assertThat(names(env)).endsWith("SLIPWAY_RELEASE_NAME", "SLIPWAY_GIT_SHA", "SLIPWAY_GIT_BRANCH");
        assertThat(value(env, "SLIPWAY_GIT_SHA")).isEqualTo("6d58b1ce8a");
        assertThat(value(env, "SLIPWAY_GIT_BRANCH")).isEqualTo("main");
    }

    @Test
    void noSourceMeansNoGitVars() {
        assertThat(names(ReleaseEnv.of("myapp", "web", release(Map.of(), null))))
            .doesNotContain("SLIPWAY_GIT_SHA", "SLIPWAY_GIT_BRANCH");
    }

    @Test
    void sourceWithoutBranchGivesOnlyTheSha() {
        List<String> names = names(ReleaseEnv.of("myapp", "web", release(Map.of(), source("abc", null))));
        assertThat(names).contains("SLIPWAY_GIT_SHA").doesNotContain("SLIPWAY_GIT_BRANCH");
    }
}

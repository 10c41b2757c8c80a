package dev.slipway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The options every operator process of the tests and benchmarks gets are the pod's, in the pod's order. */
class PodJvmTest {
    private final PodJvm pod = PodJvm.fromDeployment();

    @Test
    void theLimitCollectorAndAppendedOptionsComeFromTheDeployment() {
        List<String> options = pod.options();

        assertThat(options.get(0)).isEqualTo("-XX:MaxRAM=" + pod.memoryLimitBytes() / 1048576 + "m");
        assertThat(options.stream().filter(PodJvm::isCollector)).as("exactly one collector, from GC_CONTAINER_OPTIONS")
            .containsExactly("-XX:+UseSerialGC");
        assertThat(options).containsSubsequence(PodJvm.IMAGE_DEFAULTS);
        // JAVA_OPTS_APPEND comes after the image's defaults, so its heap share is the one that counts.
        String heapShare = options.stream().filter(option -> option.startsWith("-XX:MaxRAMPercentage=")).reduce((first, last) -> last).orElseThrow();
        assertThat(heapShare).isNotEqualTo("-XX:MaxRAMPercentage=80.0");
        assertThat(options.indexOf(heapShare)).isGreaterThan(options.indexOf("-XX:MaxRAMPercentage=80.0"));
        assertThat(options).contains("-XX:CompileThresholdScaling=4", "-XX:InitialRAMPercentage=20", "-XX:TieredStopAtLevel=1");
        assertThat(options).noneMatch(option -> option.startsWith("-XX:AOTCache="));
    }

    @Test
    void anotherCollectorReplacesThePodsInItsPlace() {
        List<String> options = pod.withCollector("-XX:+UseG1GC").options();

        assertThat(options.stream().filter(PodJvm::isCollector)).containsExactly("-XX:+UseG1GC");
        assertThat(options.indexOf("-XX:+UseG1GC")).isEqualTo(1);
        assertThat(options).hasSameSizeAs(pod.options());
    }
}

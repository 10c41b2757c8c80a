package dev.slipway.testing;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The JVM options of the operator's pod, read from deploy/base/deployment.yaml, so a process the tests and
 * benchmarks start is sized and collected as the pod is: the memory limit (which a JVM in a container takes for
 * the machine's memory, emulated with -XX:MaxRAM), the options the image's start script (run-java.sh of the UBI
 * OpenJDK images) adds by default, with GC_CONTAINER_OPTIONS in place of its default collector, and the pod's
 * JAVA_OPTS_APPEND, which comes last and so wins. The start-up archive is left to {@link OperatorJvm}, since the
 * pod's path to it exists only in the image.
 */
public final class PodJvm {
    public static final Path DEPLOYMENT = Path.of("deploy/base/deployment.yaml");
    /**
     * What the UBI OpenJDK images' java-default-options adds when nothing overrides it (documented with the image's
     * environment variables): -XX:MaxRAMPercentage=80 (JAVA_MAX_RAM_RATIO) and these heap sizing options, after
     * the collector of GC_CONTAINER_OPTIONS (default -XX:+UseParallelGC).
     */
    static final List<String> IMAGE_DEFAULTS = List.of("-XX:MaxRAMPercentage=80.0", "-XX:MinHeapFreeRatio=10",
        "-XX:MaxHeapFreeRatio=20", "-XX:GCTimeRatio=4", "-XX:AdaptiveSizePolicyWeight=90", "-XX:+ExitOnOutOfMemoryError");
    static final String IMAGE_DEFAULT_COLLECTOR = "-XX:+UseParallelGC";

    private final long memoryLimitBytes;
    private final List<String> options;

    private PodJvm(long memoryLimitBytes, List<String> options) {
        this.memoryLimitBytes = memoryLimitBytes;
        this.options = List.copyOf(options);
    }

    /** The pod of deploy/base/deployment.yaml. */
    public static PodJvm fromDeployment() {
        try (InputStream in = Files.newInputStream(DEPLOYMENT)) {
            Container operator = Serialization.unmarshal(in, Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
            long limit = Quantity.getAmountInBytes(operator.getResources().getLimits().get("memory")).longValueExact();
            List<String> options = new ArrayList<>(List.of("-XX:MaxRAM=" + limit / 1048576 + "m"));
            options.addAll(words(env(operator, "GC_CONTAINER_OPTIONS").orElse(IMAGE_DEFAULT_COLLECTOR)));
            options.addAll(IMAGE_DEFAULTS);
            words(env(operator, "JAVA_OPTS_APPEND").orElse("")).stream()
                .filter(option -> option.startsWith("-XX:") && !option.startsWith("-XX:AOTCache="))
                .forEach(options::add);
            return new PodJvm(limit, options);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEPLOYMENT, e);
        }
    }

    /** The pod's memory limit. */
    public long memoryLimitBytes() {
        return memoryLimitBytes;
    }

    /** The options, in the order the pod's JVM receives them. */
    public List<String> options() {
        return options;
    }

    /** The same pod with another collector in place of the configured one (the memory benchmark compares them). */
    public PodJvm withCollector(String collector) {
        List<String> replaced = new ArrayList<>(options.stream().filter(o -> !isCollector(o)).toList());
        replaced.add(1, collector);
        return new PodJvm(memoryLimitBytes, replaced);
    }

    /** True for an option that chooses the garbage collector, e.g. -XX:+UseSerialGC. */
    public static boolean isCollector(String option) {
        return option.matches("-XX:\\+Use\\w+GC");
    }

    private static Optional<String> env(Container container, String name) {
        return container.getEnv().stream().filter(e -> name.equals(e.getName())).map(EnvVar::getValue).findFirst();
    }

    private static List<String> words(String value) {
        return value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
    }
}

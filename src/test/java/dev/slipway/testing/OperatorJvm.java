package dev.slipway.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which JVM runs the packaged operator and with which start-up archive. The start-up benchmark compares
 * them side by side: the JDK the build ran on with an AppCDS archive, and a JDK 25 with the Leyden AOT cache,
 * both trained by {@code make aot}. Archive paths are relative to target/quarkus-app, where the operator is
 * started, because an archive only matches the class path it was made with.
 */
public record OperatorJvm(String label, Path java, List<String> options) {
    /** The AppCDS archive {@code make aot} writes with the JDK that runs it. */
    public static final Path CDS_ARCHIVE = OperatorProcess.JAR.resolveSibling("app-cds.jsa");
    /** The AOT cache {@code make aot} writes (JDK 25 and later only). */
    public static final Path AOT_CACHE = OperatorProcess.JAR.resolveSibling("app.aot");
    /** Names the JDK 25 binary, as the Makefile's JAVA25 does; unset or missing means "not on this machine". */
    public static final String JAVA25_PROPERTY = "slipway.java25";

    public OperatorJvm {
        options = List.copyOf(options);
    }

    /**
     * The JVM running the caller, with the AppCDS archive when one was trained: what every test and benchmark
     * runs. -Dbench.no-appcds=true leaves the archive out.
     */
    public static OperatorJvm current() {
        List<String> options = new ArrayList<>();
        if (Files.exists(CDS_ARCHIVE) && !Boolean.getBoolean("bench.no-appcds")) {
            options.add("-XX:SharedArchiveFile=" + CDS_ARCHIVE.getFileName());
        }
        return new OperatorJvm(currentLabel() + (options.isEmpty() ? "" : " + AppCDS"), currentJava(), options);
    }

    /**
     * The set-up the image runs: JDK 25 with the AOT cache when both are at hand, else the fallback {@link #current()}.
     * What a benchmark measures when it measures the operator as deployed.
     */
    public static OperatorJvm asImage() {
        return java25().filter(java25 -> Files.exists(AOT_CACHE)).map(OperatorJvm::withAotCache).orElseGet(OperatorJvm::current);
    }

    /** A training run of the caller's JVM: the AppCDS archive of what it loaded is written when it exits. */
    public static OperatorJvm appCdsTraining() {
        return new OperatorJvm(currentLabel() + " AppCDS training", currentJava(), List.of("-XX:ArchiveClassesAtExit=" + CDS_ARCHIVE.getFileName()));
    }

    /** The JDK 25 named by -Dslipway.java25, when it is there. */
    public static Optional<Path> java25() {
        String configured = System.getProperty(JAVA25_PROPERTY, "").trim();
        return configured.isEmpty() || !Files.isExecutable(Path.of(configured)) ? Optional.empty() : Optional.of(Path.of(configured));
    }

    /**
     * JDK 25 reading the trained AOT cache. AOTMode=on makes a cache that does not match this jar or JDK an
     * error instead of a warning, so a benchmark never times a JVM that silently ran without it.
     */
    public static OperatorJvm withAotCache(Path java25) {
        return new OperatorJvm("JDK 25 + AOT cache", java25, List.of("-XX:AOTMode=on", "-XX:AOTCache=" + AOT_CACHE.getFileName()));
    }

    /** The same JVM and archive with more options, e.g. a garbage collector. */
    public OperatorJvm with(String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return new OperatorJvm(label + " " + String.join(" ", more), java, all);
    }

    /** True for a JVM started with the AOT cache. */
    public boolean readsAotCache() {
        return options.stream().anyMatch(option -> option.startsWith("-XX:AOTCache="));
    }

    /** JDK 25 with only the JDK's own CDS archive: what the AOT cache is measured against. */
    public static OperatorJvm plain(Path java25) {
        return new OperatorJvm("JDK 25, no app archive", java25, List.of());
    }

    /** A training run of JDK 25: the JVM records what it loads, links and profiles and writes the AOT cache when it exits. */
    public static OperatorJvm aotTraining(Path java25) {
        return new OperatorJvm("JDK 25 AOT training", java25, List.of("-XX:AOTCacheOutput=" + AOT_CACHE.getFileName()));
    }

    private static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private static String currentLabel() {
        return "JDK " + Runtime.version().feature();
    }
}

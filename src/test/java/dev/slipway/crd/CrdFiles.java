package dev.slipway.crd;

import dev.slipway.model.App;
import dev.slipway.model.Promotion;
import dev.slipway.model.Release;
import dev.slipway.model.Rollback;
import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Generates the CRDs from the Java model. `make crds` runs {@link #main} to refresh crds/; the drift
 * test generates them again and fails when crds/ differs.
 */
public final class CrdFiles {
    public static final Path COMMITTED = Path.of("crds");
    static final List<Class<?>> KINDS = List.of(App.class, Release.class, Rollback.class, Promotion.class);
    /** The generator takes one post-processor: printer columns in declared order, then int-or-string bounds. */
    private static final CRDPostProcessor POST_PROCESSING = new CRDPostProcessor() {
        private final PrinterColumnOrder columns = new PrinterColumnOrder(KINDS);
        private final IntOrStringBounds bounds = new IntOrStringBounds();

        @Override
        public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
            return bounds.process(columns.process(crd, crdSpecVersion), crdSpecVersion);
        }
    };

    private CrdFiles() {
    }

    /** File name to content, e.g. apps.slipway.dev-v1.yml. */
    public static Map<String, String> generate() throws IOException {
        Path dir = Files.createTempDirectory("slipway-crds");
        try {
            new CRDGenerator()
                .customResourceClasses(KINDS.stream().map(c -> c.asSubclass(HasMetadata.class))
                    .toArray(Class[]::new))
                .forCRDVersions("v1")
                .withParallelGenerationEnabled(false)
                .withPostProcessor(POST_PROCESSING)
                .inOutputDir(dir.toFile())
                .generate();
            return read(dir);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    public static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.filter(p -> p.toString().endsWith(".yml")).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return files;
    }

    public static void main(String[] args) throws IOException {
        Path target = args.length > 0 ? Path.of(args[0]) : COMMITTED;
        Files.createDirectories(target);
        for (Map.Entry<String, String> file : generate().entrySet()) {
            Files.writeString(target.resolve(file.getKey()), file.getValue());
            System.out.println("wrote " + target.resolve(file.getKey()));
        }
    }
}

package dev.slipway.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.slipway.model.Slipway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the project tells users to apply is accepted by the CRDs as a real API server checks them: every App,
 * Release, Rollback and Promotion in examples/ and in the YAML blocks of README.md and docs/.
 */
class ExamplesAreValidTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, String> PLURALS = Map.of("App", "apps", "Release", "releases", "Rollback", "rollbacks",
        "Promotion", "promotions");
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyExampleAndDocumentedObjectIsAccepted() throws Exception {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("examples"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                sources.add(Files.readString(file));
            }
        }
        try (Stream<Path> docs = Stream.concat(Stream.of(Path.of("README.md")), Files.list(Path.of("docs")))) {
            for (Path doc : docs.filter(f -> f.toString().endsWith(".md")).toList()) {
                Matcher block = YAML_BLOCK.matcher(Files.readString(doc));
                while (block.find()) {
                    sources.add(block.group(1));
                }
            }
        }
        int checked = 0;
        for (String source : sources) {
            for (JsonNode object : slipwayObjects(source)) {
                String plural = PLURALS.get(object.path("kind").asText());
                assertThat(ApiServerValidation.of(plural).create(object.toString()))
                    .as("%s %s", object.path("kind").asText(), object.path("metadata").path("name").asText())
                    .isEmpty();
                checked++;
            }
        }
        assertThat(checked).as("objects checked").isGreaterThanOrEqualTo(11);
    }

    private static List<JsonNode> slipwayObjects(String source) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        for (JsonNode document : YAML.readerFor(JsonNode.class).<JsonNode>readValues(source).readAll()) {
            if (document != null && Slipway.API_VERSION.equals(document.path("apiVersion").asText())) {
                objects.add(document);
            }
        }
        return objects;
    }
}

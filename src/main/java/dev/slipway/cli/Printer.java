package dev.slipway.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.PrintWriter;

/** Prints a command's result as JSON or YAML, for scripts; tables are drawn by each command. */
final class Printer {
    private static final ObjectMapper JSON = new ObjectMapper()
        .setSerializationInclusion(JsonInclude.Include.NON_NULL)
        .enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build())
        .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private Printer() {
    }

    /** JSON made by another serializer (Fabric8's, for Kubernetes objects), indented like every other JSON the plugin prints. */
    static void printJson(PrintWriter out, String json) {
        try {
            out.println(JSON.writeValueAsString(JSON.readTree(json)));
        } catch (JsonProcessingException e) {
            throw new CliException(Exit.ERROR, "cannot print the result as json: " + e.getOriginalMessage());
        }
    }

    static void print(PrintWriter out, Format format, Object value) {
        try {
            switch (format) {
                case json -> out.println(JSON.writeValueAsString(value));
                case yaml -> out.print(YAML.writeValueAsString(value));
                case table -> throw new IllegalArgumentException("tables are printed by the command");
            }
        } catch (JsonProcessingException e) {
            throw new CliException(Exit.ERROR, "cannot print the result as " + format + ": " + e.getOriginalMessage());
        }
    }
}

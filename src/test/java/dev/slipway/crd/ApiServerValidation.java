package dev.slipway.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a real API server checks on create and update of a Slipway object, which the mock server does not:
 * the CRD's openAPIV3Schema (with a JSON-schema validator) and its x-kubernetes-validations rules (with CEL).
 * Returns the rejection messages; empty when the object would be accepted.
 */
public final class ApiServerValidation {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonSchema schema;
    private final List<CelRules.Rule> rules;

    private ApiServerValidation(JsonSchema schema, List<CelRules.Rule> rules) {
        this.schema = schema;
        this.rules = rules;
    }

    /** @param plural apps, releases or rollbacks */
    public static ApiServerValidation of(String plural) {
        Path file = CrdFiles.COMMITTED.resolve(plural + ".slipway.dev-v1.yml");
        try {
            JsonNode openApi = YAML.readTree(file.toFile()).at("/spec/versions/0/schema/openAPIV3Schema");
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(openApi);
            return new ApiServerValidation(schema, CelRules.rulesOf(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> create(String json) throws Exception {
        return validate(JSON.readTree(json), null);
    }

    public List<String> update(String json, String oldJson) throws Exception {
        return validate(JSON.readTree(json), JSON.readTree(oldJson));
    }

    private List<String> validate(JsonNode object, JsonNode old) throws Exception {
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : schema.validate(object)) {
            problems.add(message.getMessage());
        }
        for (CelRules.Rule rule : rules) {
            JsonNode self = at(object, rule.path());
            JsonNode oldSelf = old == null ? null : at(old, rule.path());
            // As on the API server: rules apply where the value exists; transition rules only on updates
            // where the old value exists too.
            if (self == null || (rule.isTransitionRule() && oldSelf == null)) {
                continue;
            }
            if (!CelRules.holds(rule.expression(), JSON.writeValueAsString(self),
                    oldSelf == null ? null : JSON.writeValueAsString(oldSelf))) {
                problems.add((rule.path().isEmpty() ? "" : rule.path() + ": ") + rule.message());
            }
        }
        return problems;
    }

    private static JsonNode at(JsonNode object, String path) {
        JsonNode node = object;
        if (!path.isEmpty()) {
            for (String part : path.split("\\.")) {
                node = node.get(part);
                if (node == null || node.isNull()) {
                    return null;
                }
            }
        }
        return node;
    }
}

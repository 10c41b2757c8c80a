package dev.slipway.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every value a user writes into a spec is bounded in the committed CRDs: strings by maxLength (or an enum), lists by
 * maxItems, maps by maxProperties, integers by a maximum unless Kubernetes itself reads them as int64. Status is left
 * out on purpose: only the operator writes it, and no CEL rule reads its strings (docs/api.md, "Schema bounds").
 */
class SchemaBoundsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** int64 in Kubernetes (and in the model), so any integer is a valid value. */
    private static final Set<String> INT64 = Set.of(
        "releases.slipway.dev-v1.yml spec.rollbackOf",
        "apps.slipway.dev-v1.yml spec.podTemplate.tolerations[].tolerationSeconds",
        "apps.slipway.dev-v1.yml spec.processes{}.readinessProbe.terminationGracePeriodSeconds",
        "apps.slipway.dev-v1.yml spec.processes{}.livenessProbe.terminationGracePeriodSeconds",
        "releases.slipway.dev-v1.yml spec.processes{}.readinessProbe.terminationGracePeriodSeconds",
        "releases.slipway.dev-v1.yml spec.processes{}.livenessProbe.terminationGracePeriodSeconds");

    @Test
    void everySpecValueIsBounded() throws Exception {
        List<String> unbounded = new ArrayList<>();
        int checked = 0;
        for (String file : List.of("apps.slipway.dev-v1.yml", "releases.slipway.dev-v1.yml", "rollbacks.slipway.dev-v1.yml",
            "promotions.slipway.dev-v1.yml")) {
            JsonNode spec = YAML.readTree(CrdFiles.COMMITTED.resolve(file).toFile())
                .at("/spec/versions/0/schema/openAPIV3Schema/properties/spec");
            checked += walk(file, "spec", spec, unbounded);
        }
        assertThat(checked).as("schema nodes checked").isGreaterThan(100);
        assertThat(unbounded).as("unbounded spec fields").isEmpty();
    }

    private static int walk(String file, String path, JsonNode schema, List<String> unbounded) {
        String problem = problem(schema);
        if (problem != null && !INT64.contains(file + " " + path)) {
            unbounded.add(file + " " + path + ": " + problem);
        }
        int nodes = 1;
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            nodes += walk(file, path + "." + property.getKey(), property.getValue(), unbounded);
        }
        if (schema.has("items")) {
            nodes += walk(file, path + "[]", schema.get("items"), unbounded);
        }
        if (schema.path("additionalProperties").isObject()) {
            nodes += walk(file, path + "{}", schema.get("additionalProperties"), unbounded);
        }
        return nodes;
    }

    private static String problem(JsonNode schema) {
        if (schema.path("x-kubernetes-int-or-string").asBoolean()) {
            return schema.has("maxLength") ? null : "int-or-string without maxLength";
        }
        return switch (schema.path("type").asText()) {
            case "string" -> schema.has("maxLength") || schema.has("enum") ? null : "string without maxLength";
            case "array" -> schema.has("maxItems") ? null : "list without maxItems";
            case "integer" -> schema.has("maximum") ? null : "integer without maximum";
            case "object" -> schema.has("additionalProperties") && !schema.has("maxProperties") ? "map without maxProperties" : null;
            default -> null;
        };
    }
}

package dev.slipway.crd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.types.SimpleType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The cost check the API server makes when a CRD is created or updated (apiextensions-apiserver
 * pkg/apis/apiextensions/validation: validation.go and cel_validation.go). A rule's cost is its estimated cost per
 * evaluation times the most times it can be evaluated: the product of maxItems and maxProperties of the lists and
 * maps it sits in, or, under one without them, as many copies of its value as fit into a 3 MiB request. Each rule
 * (and message expression) must stay within {@link #RULE_LIMIT}, all of a CRD's together within {@link #CRD_LIMIT}.
 */
final class CrdRuleCosts {
    /** StaticEstimatedCostLimit: the largest cost of one rule, its cardinality included. */
    static final long RULE_LIMIT = 10_000_000L;
    /** StaticEstimatedCRDCostLimit: the largest cost of all rules of a CRD version. */
    static final long CRD_LIMIT = 100_000_000L;

    /** One rule or message expression: where it sits, its cost per evaluation, and evaluations at most. */
    record RuleCost(String path, String expression, long maxCost, long cardinality) {
        /** maxCost × cardinality, stuck at the largest long as the API server's multiplyWithOverflowGuard. */
        long cost() {
            return maxCost == 0 ? 0 : cardinality > Long.MAX_VALUE / maxCost ? Long.MAX_VALUE : maxCost * cardinality;
        }

        boolean overLimit() {
            return cost() > RULE_LIMIT;
        }

        @Override
        public String toString() {
            return String.format("%-28s %,14d (%,d × %,d) of %,d: %s", path.isEmpty() ? "<root>" : path, cost(), maxCost,
                cardinality, RULE_LIMIT, expression);
        }
    }

    private CrdRuleCosts() {
    }

    /** Every rule of an openAPIV3Schema with its cost, in schema order. */
    static List<RuleCost> of(JsonNode openApiV3Schema) {
        List<RuleCost> costs = new ArrayList<>();
        collect("", openApiV3Schema, true, 1L, costs);
        return costs;
    }

    static long total(List<RuleCost> costs) {
        long total = 0;
        for (RuleCost cost : costs) {
            total = Long.MAX_VALUE - total < cost.cost() ? Long.MAX_VALUE : total + cost.cost();
        }
        return total;
    }

    /** @param cardinality the product of the enclosing lists' and maps' bounds; null when one of them has none */
    private static void collect(String path, JsonNode schema, boolean resourceRoot, Long cardinality, List<RuleCost> costs) {
        for (JsonNode rule : schema.path("x-kubernetes-validations")) {
            long evaluations = cardinality != null ? cardinality : unboundedCardinality(schema, resourceRoot);
            costs.add(new RuleCost(path, rule.path("rule").asText(),
                CelCostEstimator.maxCost(rule.path("rule").asText(), schema, resourceRoot), evaluations));
            if (rule.hasNonNull("messageExpression")) {
                String message = rule.get("messageExpression").asText();
                costs.add(new RuleCost(path, message, CelCostEstimator.maxCost(message, SimpleType.STRING, schema, resourceRoot), evaluations));
            }
        }
        Long children = cardinality == null ? null : times(cardinality, maxElements(schema));
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            collect(path.isEmpty() ? property.getKey() : path + "." + property.getKey(), property.getValue(),
                embedded(property.getValue()), children, costs);
        }
        if (schema.has("items")) {
            collect(path + "[]", schema.get("items"), embedded(schema.get("items")), children, costs);
        }
        if (schema.path("additionalProperties").isObject()) {
            collect(path + "{}", schema.get("additionalProperties"), embedded(schema.get("additionalProperties")), children, costs);
        }
    }

    /** How many values a node holds for each of its own: 1 for objects and scalars, maxItems/maxProperties, or null. */
    private static Long maxElements(JsonNode schema) {
        boolean map = schema.path("type").asText().equals("object") && schema.has("additionalProperties");
        if (map) {
            return schema.has("maxProperties") ? Math.max(0, schema.get("maxProperties").asLong()) : null;
        }
        if (schema.path("type").asText().equals("array")) {
            return schema.has("maxItems") ? Math.max(0, schema.get("maxItems").asLong()) : null;
        }
        return 1L;
    }

    private static Long times(long cardinality, Long maxElements) {
        if (maxElements == null) {
            return null;
        }
        return maxElements != 0 && cardinality > Long.MAX_VALUE / maxElements ? Long.MAX_VALUE : cardinality * maxElements;
    }

    /** compilation.go's maxCardinality: copies of the smallest serialized value, one comma each, in 3 MiB. */
    private static long unboundedCardinality(JsonNode schema, boolean resourceRoot) {
        long minSize = CelSchemaType.of(schema, resourceRoot, CelCostEstimator.SELF_TYPE, s -> { }).orElseThrow().minSerializedSize();
        return CelSchemaType.MAX_REQUEST_BYTES / (minSize + 1);
    }

    private static boolean embedded(JsonNode schema) {
        return schema.path("x-kubernetes-embedded-resource").asBoolean();
    }
}

package dev.slipway.workload;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Drift detection that tolerates what the API server and admission add. A desired object "is covered" by the
 * actual one when every field the operator sets has the same value there; fields the operator does not set
 * are ignored (server defaults, LimitRange resources, injected pull secrets). For the keys in
 * {@code strictKeys}, absence is meaningful: the operator removing them must be noticed.
 */
final class OwnedFields {
    private static final Set<String> QUANTITY_MAPS = Set.of("limits", "requests");
    /** Maps whose keys are anyone's to choose: a label named "env" is not the container field env. */
    private static final Set<String> FREE_FORM_MAPS = Set.of("labels", "annotations", "matchLabels", "nodeSelector");

    private final Set<String> strictKeys;

    OwnedFields(Set<String> strictKeys) {
        this.strictKeys = strictKeys;
    }

    boolean covers(JsonNode desired, JsonNode actual) {
        return covers(null, desired, actual);
    }

    /**
     * The same question for a map of strings (labels, annotations), asked without building trees of both: every
     * entry the operator sets has its value in {@code actual}; entries others add are theirs.
     */
    static boolean coversEntries(Map<String, String> desired, Map<String, String> actual) {
        if (desired == null) {
            return true;
        }
        for (Map.Entry<String, String> entry : desired.entrySet()) {
            String value = entry.getValue();
            String present = actual == null ? null : actual.get(entry.getKey());
            if (present == null ? value != null && !value.isEmpty() : value != null && !value.equals(present)) {
                return false;
            }
        }
        return true;
    }

    private boolean covers(String key, JsonNode desired, JsonNode actual) {
        if (desired == null || desired.isNull() || desired.isMissingNode()) {
            return true;
        }
        if (actual == null || actual.isNull() || actual.isMissingNode()) {
            return isEmpty(desired);
        }
        if (desired.isObject()) {
            if (!actual.isObject()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = desired.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                boolean quantities = QUANTITY_MAPS.contains(field.getKey());
                if (!(quantities ? sameQuantities(field.getValue(), actual.get(field.getKey()))
                        : covers(field.getKey(), field.getValue(), actual.get(field.getKey())))) {
                    return false;
                }
            }
            return (key != null && FREE_FORM_MAPS.contains(key)) || noStrictFieldAdded(desired, actual);
        }
        if (desired.isArray()) {
            if (!actual.isArray() || actual.size() != desired.size()) {
                return false;
            }
            for (int i = 0; i < desired.size(); i++) {
                if (!covers(key, desired.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (desired.isNumber() && actual.isNumber()) {
            return desired.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return desired.asText().equals(actual.asText());
    }

    /** Whether {@code actual} sets none of the strict fields that {@code desired} leaves out. */
    private boolean noStrictFieldAdded(JsonNode desired, JsonNode actual) {
        Iterator<String> actualNames = actual.fieldNames();
        while (actualNames.hasNext()) {
            String name = actualNames.next();
            if (strictKeys.contains(name) && !desired.has(name) && !isEmpty(actual.get(name))) {
                return false;
            }
        }
        return true;
    }

    /** "500m" and "0.5" are the same CPU: the API server rewrites quantities to a canonical form. */
    private static boolean sameQuantities(JsonNode desired, JsonNode actual) {
        if (desired == null || desired.isNull()) {
            return true;
        }
        if (actual == null || !actual.isObject() || !desired.isObject()) {
            return isEmpty(desired);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = desired.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode other = actual.get(field.getKey());
            if (other == null || !amount(field.getValue()).equals(amount(other))) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal amount(JsonNode quantity) {
        return Quantity.getAmountInBytes(new Quantity(quantity.asText())).stripTrailingZeros();
    }

    /** What the API server omits when writing an object back ({@code omitempty}): null, {}, [], "", 0 and false. */
    private static boolean isEmpty(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode()
            || ((node.isObject() || node.isArray()) && node.isEmpty())
            || (node.isTextual() && node.asText().isEmpty())
            || (node.isNumber() && node.decimalValue().signum() == 0)
            || (node.isBoolean() && !node.asBoolean());
    }
}

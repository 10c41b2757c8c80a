package dev.slipway.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What a CEL rule sees of a schema, and the sizes the cost estimate assumes: a port of the API server's
 * SchemaDeclType (k8s.io/apiserver pkg/cel/common/schemas.go, DeclType in pkg/cel/types.go). maxElements is the
 * largest size() of a value: maxItems, maxProperties, or maxLength × 4 (maxLength counts characters, the estimate
 * bytes, and a character takes up to 4); without them, as many as fit into the 3 MiB request limit, given the
 * smallest serialized size of an element (minSerializedSize). Objects, numbers and map keys have maxElements 0.
 */
record CelSchemaType(CelType celType, Map<String, CelSchemaType> fields, CelSchemaType key, CelSchemaType elem,
                     long maxElements, long minSerializedSize) {
    /** The API server's limit on a request body, which bounds every unbounded size (MaxRequestSizeBytes). */
    static final long MAX_REQUEST_BYTES = 3 * 1024 * 1024;
    /** metadata.name at the root of a resource: a DNS subdomain (apiextensions' WithTypeAndObjectMeta). */
    private static final int NAME_MAX_LENGTH = 253;
    private static final Pattern IDENTIFIER = Pattern.compile("[_a-zA-Z][_a-zA-Z0-9]*");
    /**
     * Map keys: the API server declares them with its plain StringType, which has no maxElements, so a key's size
     * is estimated as 0 whatever the request limit (apiextensions' own TestCostEstimation numbers depend on it).
     */
    private static final CelSchemaType KEY = scalar(SimpleType.STRING, 2, 0);

    /**
     * The type of a schema node; {@code root} for the root of a resource, where apiVersion, kind, metadata.name and
     * metadata.generateName are always visible. Struct types are named from {@code name} and handed to
     * {@code structs} so a compiler can resolve them. Empty when CEL cannot see the node (no type).
     */
    static Optional<CelSchemaType> of(JsonNode schema, boolean root, String name, Consumer<StructType> structs) {
        JsonNode node = root ? withTypeAndObjectMeta(schema) : schema;
        if (node.path("x-kubernetes-int-or-string").asBoolean()) {
            return Optional.of(scalar(SimpleType.DYN, 1, node.has("maxLength") ? maxLength(node) : MAX_REQUEST_BYTES - 2));
        }
        return switch (node.path("type").asText()) {
            case "array" -> of(node.path("items"), embedded(node.path("items")), name + ".@idx", structs).map(items ->
                new CelSchemaType(ListType.create(items.celType), null, null, items, node.has("maxItems")
                    ? Math.max(0, node.get("maxItems").asLong()) : (MAX_REQUEST_BYTES - 2) / (items.minSerializedSize + 1), 2));
            case "object" -> node.path("additionalProperties").isObject() ? map(node, name, structs) : object(node, name, structs);
            case "string" -> Optional.of(string(node));
            case "boolean" -> Optional.of(scalar(SimpleType.BOOL, 4, 0));
            case "number" -> Optional.of(scalar(SimpleType.DOUBLE, 1, 0));
            case "integer" -> Optional.of(scalar(SimpleType.INT, 1, 0));
            default -> Optional.empty();
        };
    }

    private static Optional<CelSchemaType> map(JsonNode node, String name, Consumer<StructType> structs) {
        JsonNode values = node.path("additionalProperties");
        return of(values, embedded(values), name + ".@elem", structs).map(elem ->
            new CelSchemaType(MapType.create(SimpleType.STRING, elem.celType), null, KEY, elem, node.has("maxProperties")
                ? Math.max(0, node.get("maxProperties").asLong()) : (MAX_REQUEST_BYTES - 2) / (elem.minSerializedSize + 6), 2));
    }

    /** An object: at least "{}" plus, for each required property without a default, "name": and its smallest value. */
    private static Optional<CelSchemaType> object(JsonNode node, String name, Consumer<StructType> structs) {
        Map<String, CelSchemaType> fields = new LinkedHashMap<>();
        long minSize = 2;
        Iterator<Map.Entry<String, JsonNode>> properties = node.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            if (!IDENTIFIER.matcher(property.getKey()).matches()) {
                throw new IllegalArgumentException("property " + property.getKey() + " needs CEL escaping, which is not ported");
            }
            Optional<CelSchemaType> field = of(property.getValue(), embedded(property.getValue()), name + "." + property.getKey(), structs);
            if (field.isPresent()) {
                fields.put(property.getKey(), field.get());
                if (required(node, property.getKey()) && !property.getValue().has("default")) {
                    minSize += property.getKey().length() + field.get().minSerializedSize + 4;
                }
            }
        }
        StructType struct = StructType.create(name, ImmutableSet.copyOf(fields.keySet()),
            field -> Optional.ofNullable(fields.get(field)).map(CelSchemaType::celType));
        structs.accept(struct);
        return Optional.of(new CelSchemaType(struct, fields, null, null, 0, minSize));
    }

    private static CelSchemaType string(JsonNode node) {
        return switch (node.path("format").asText()) {
            case "byte" -> scalar(SimpleType.BYTES, 2, node.has("maxLength")
                ? Math.max(0, node.get("maxLength").asLong()) : MAX_REQUEST_BYTES - 2);
            case "duration" -> scalar(SimpleType.DURATION, 3, 32);
            case "date" -> scalar(SimpleType.TIMESTAMP, 12, 12);
            case "date-time" -> scalar(SimpleType.TIMESTAMP, 21, 32);
            default -> scalar(SimpleType.STRING, 2, node.has("maxLength") ? maxLength(node)
                : node.has("enum") ? longestEnumValue(node) : MAX_REQUEST_BYTES - 2);
        };
    }

    private static CelSchemaType scalar(CelType type, long minSerializedSize, long maxElements) {
        return new CelSchemaType(type, null, null, null, maxElements, minSerializedSize);
    }

    private static long maxLength(JsonNode node) {
        return Math.max(0, node.get("maxLength").asLong()) * 4;
    }

    private static long longestEnumValue(JsonNode node) {
        long longest = 0;
        for (JsonNode value : node.get("enum")) {
            longest = value.isTextual() ? Math.max(longest, value.asText().getBytes(StandardCharsets.UTF_8).length) : longest;
        }
        return longest;
    }

    private static boolean embedded(JsonNode node) {
        return node.path("x-kubernetes-embedded-resource").asBoolean();
    }

    private static boolean required(JsonNode node, String property) {
        for (JsonNode name : node.path("required")) {
            if (name.asText().equals(property)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The root of a resource as CEL sees it: apiVersion and kind strings, metadata with name and generateName
     * (at most 253 and 252 characters), unless the schema declares all of them itself.
     */
    private static JsonNode withTypeAndObjectMeta(JsonNode schema) {
        JsonNode declared = schema.path("properties").path("metadata").path("properties");
        if (isString(schema.path("properties").path("kind")) && isString(schema.path("properties").path("apiVersion"))
                && isString(declared.path("name")) && isString(declared.path("generateName"))) {
            return schema;
        }
        ObjectNode root = schema.deepCopy();
        ObjectNode properties = root.has("properties") ? (ObjectNode) root.get("properties") : root.putObject("properties");
        properties.putObject("kind").put("type", "string");
        properties.putObject("apiVersion").put("type", "string");
        ObjectNode metadata = JsonNodeFactory.instance.objectNode().put("type", "object");
        ObjectNode meta = metadata.putObject("properties");
        meta.set("name", cappedString(declared.path("name"), NAME_MAX_LENGTH));
        meta.set("generateName", cappedString(declared.path("generateName"), NAME_MAX_LENGTH - 1));
        properties.set("metadata", metadata);
        return root;
    }

    private static boolean isString(JsonNode node) {
        return "string".equals(node.path("type").asText());
    }

    private static ObjectNode cappedString(JsonNode declared, int maxLength) {
        int length = declared.has("maxLength") ? Math.min(declared.get("maxLength").asInt(), maxLength) : maxLength;
        return JsonNodeFactory.instance.objectNode().put("type", "string").put("maxLength", length);
    }
}

package dev.slipway.operations;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.CelOptions;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.common.values.CelValue;
import dev.cel.common.values.StringValue;
import dev.cel.common.values.StructValue;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelOptionalLibrary;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Admission policy expressions (matchConditions, mutations, validations) compiled and run with Google's CEL for Java
 * in the environment the API server gives them: the variables {@code object}, {@code oldObject} and {@code request}
 * as JSON, optional syntax ({@code .?}, {@code [?]}), and, for apply configurations, the types {@code Object} and
 * {@code Object.metadata} (only the metadata fields the policies here build; anything else does not compile).
 */
final class AdmissionCel {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private static final CelType STRING_MAP = MapType.create(SimpleType.STRING, SimpleType.STRING);
    private static final StructType METADATA = StructType.create("Object.metadata", ImmutableSet.of("annotations", "labels"),
        field -> Optional.of(STRING_MAP).filter(t -> field.equals("annotations") || field.equals("labels")));
    private static final StructType OBJECT = StructType.create("Object", ImmutableSet.of("metadata"),
        field -> Optional.<CelType>of(METADATA).filter(t -> field.equals("metadata")));
    private static final CelTypeProvider APPLY_CONFIGURATION_TYPES = new CelTypeProvider() {
        @Override
        public ImmutableCollection<CelType> types() {
            return ImmutableList.of(OBJECT, METADATA);
        }

        @Override
        public Optional<CelType> findType(String name) {
            return types().stream().filter(t -> t.name().equals(name)).findFirst();
        }
    };
    // CelValue is what lets the runtime build the struct types above through a value provider.
    private static final CelOptions OPTIONS = CelOptions.current().enableOptionalSyntax(true).enableCelValue(true).build();
    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
        .setOptions(OPTIONS)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addLibraries(CelOptionalLibrary.INSTANCE)
        .setTypeProvider(APPLY_CONFIGURATION_TYPES)
        .addVar("object", SimpleType.DYN)
        .addVar("oldObject", SimpleType.DYN)
        .addVar("request", SimpleType.DYN)
        .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
        .setOptions(OPTIONS)
        .addLibraries(CelOptionalLibrary.INSTANCE)
        .setValueProvider((type, fields) -> APPLY_CONFIGURATION_TYPES.findType(type).map(t -> new Applied(t, fields)))
        .build();

    private AdmissionCel() {
    }

    /** One admission request: who sends it, the object it carries and, for an update, the stored one. */
    record Request(String username, String operation, String objectJson, String oldObjectJson) {
        Map<String, Object> variables() throws Exception {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("request", Map.of("operation", operation, "userInfo", Map.of("username", username)));
            variables.put("object", JSON.readValue(objectJson, Object.class));
            variables.put("oldObject", oldObjectJson == null ? null : JSON.readValue(oldObjectJson, Object.class));
            return variables;
        }
    }

    /** The expression's value; a value built as an apply configuration comes back as nested maps. */
    static Object eval(String expression, Request request) throws Exception {
        Object result = RUNTIME.createProgram(COMPILER.compile(expression).getAst()).eval(request.variables());
        return result instanceof Applied applied ? applied.asMap() : result;
    }

    /**
     * The object after the API server merged an apply configuration into it, for the fields built here: structs and
     * maps (metadata.annotations is a granular map) merge key by key, and a key of the configuration replaces the
     * object's value.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> object, Map<String, Object> applyConfiguration) {
        Map<String, Object> merged = new LinkedHashMap<>(object);
        applyConfiguration.forEach((key, value) -> merged.merge(key, value, (old, applied) ->
            old instanceof Map && applied instanceof Map
                ? merge((Map<String, Object>) old, (Map<String, Object>) applied) : applied));
        return merged;
    }

    static Map<String, Object> json(String json) throws Exception {
        return JSON.readValue(json, Map.class);
    }

    /** A value of Object or Object.metadata, as the expression built it. */
    private static final class Applied extends StructValue<StringValue> {
        private final CelType type;
        private final Map<String, Object> fields;

        Applied(CelType type, Map<String, Object> fields) {
            this.type = type;
            this.fields = fields;
        }

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            fields.forEach((name, value) -> map.put(name, value instanceof Applied nested ? nested.asMap() : value));
            return map;
        }

        @Override
        public Object value() {
            return asMap();
        }

        @Override
        public boolean isZeroValue() {
            return fields.isEmpty();
        }

        @Override
        public CelType celType() {
            return type;
        }

        @Override
        public CelValue select(StringValue field) {
            throw new UnsupportedOperationException("the policies here only build apply configurations");
        }

        @Override
        public Optional<CelValue> find(StringValue field) {
            throw new UnsupportedOperationException("the policies here only build apply configurations");
        }
    }
}

package dev.slipway.crd;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The CRDs' x-kubernetes-validations rules, evaluated with Google's CEL for Java the way the API server
 * evaluates them: {@code self} is the value at the rule's place in the object, {@code oldSelf} the previous one.
 */
final class CelRules {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addVar("self", SimpleType.DYN)
        .addVar("oldSelf", SimpleType.DYN)
        .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    /** A rule and where it sits: the property path from the root of the object ("" for the root). */
    record Rule(String crd, String path, String expression, String message) {
        boolean isTransitionRule() {
            return expression.contains("oldSelf");
        }
    }

    static List<Rule> rulesOf(Path crdFile) throws IOException {
        JsonNode crd = YAML.readTree(crdFile.toFile());
        JsonNode schema = crd.path("spec").path("versions").get(0).path("schema").path("openAPIV3Schema");
        List<Rule> rules = new ArrayList<>();
        collect(crdFile.getFileName().toString(), "", schema, rules);
        return rules;
    }

    private static void collect(String crd, String path, JsonNode schema, List<Rule> rules) {
        for (JsonNode rule : schema.path("x-kubernetes-validations")) {
            rules.add(new Rule(crd, path, rule.path("rule").asText(), rule.path("message").asText()));
        }
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            collect(crd, path.isEmpty() ? property.getKey() : path + "." + property.getKey(), property.getValue(), rules);
        }
        if (schema.has("items")) {
            collect(crd, path + "[]", schema.path("items"), rules);
        }
        if (schema.path("additionalProperties").isObject()) {
            collect(crd, path + "{}", schema.path("additionalProperties"), rules);
        }
    }

    static CelAbstractSyntaxTree compile(String expression) throws CelValidationException {
        return COMPILER.compile(expression).getAst();
    }

    /** Evaluates a rule on JSON values (as the API server sees them: integers are int64). */
    static boolean holds(String expression, String selfJson, String oldSelfJson) throws Exception {
        Map<String, Object> variables = new HashMap<>();
        variables.put("self", JSON.readValue(selfJson, Object.class));
        if (oldSelfJson != null) {
            variables.put("oldSelf", JSON.readValue(oldSelfJson, Object.class));
        }
        try {
            return (Boolean) RUNTIME.createProgram(compile(expression)).eval(variables);
        } catch (CelEvaluationException e) {
            // An evaluation error rejects the request on a real server too.
            return false;
        }
    }
}

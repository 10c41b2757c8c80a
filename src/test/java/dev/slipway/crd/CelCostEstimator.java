package dev.slipway.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The estimated cost of one evaluation of a rule, as the API server computes it when a CRD is created or updated
 * (apiextensions-apiserver pkg/apiserver/schema/cel/compilation.go: compileRule's MaxCost). The rule is type-checked
 * with {@code self} and {@code oldSelf} typed by the schema node it sits on, then costed by {@link CelCoster}; sizes
 * come from the node's {@link CelSchemaType} by path (compilation.go's sizeEstimator).
 */
final class CelCostEstimator {
    /** Names the struct types of self; not "self", or the checker would read self.spec as the type "self.spec". */
    static final String SELF_TYPE = "selfType";

    private CelCostEstimator() {
    }

    /** Rules must evaluate to bool, message expressions to string; both are costed alike. */
    static long maxCost(String expression, CelType resultType, JsonNode schema, boolean resourceRoot) {
        Map<String, CelType> structs = new HashMap<>();
        CelSchemaType self = CelSchemaType.of(schema, resourceRoot, SELF_TYPE, s -> structs.put(s.name(), s))
            .orElseThrow(() -> new IllegalArgumentException("CEL cannot see a schema without a type: " + schema));
        CelAbstractSyntaxTree ast;
        try {
            ast = CelCompilerFactory.standardCelCompilerBuilder()
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setTypeProvider(provider(structs))
                .addVar("self", self.celType())
                .addVar("oldSelf", self.celType())
                .build()
                .compile(expression).getAst();
        } catch (CelValidationException e) {
            throw new IllegalArgumentException("does not compile: " + expression + "\n" + e.getMessage(), e);
        }
        if (!ast.getResultType().equals(resultType)) {
            throw new IllegalArgumentException(expression + " evaluates to " + ast.getResultType() + ", not " + resultType);
        }
        return CelCoster.cost(ast, path -> size(self, path)).max();
    }

    static long maxCost(String rule, JsonNode schema, boolean resourceRoot) {
        return maxCost(rule, SimpleType.BOOL, schema, resourceRoot);
    }

    /** The schema's size of the value at a path: self (or oldSelf), then fields, @items, @values and @keys. */
    private static Estimate size(CelSchemaType root, List<String> path) {
        if (path.isEmpty()) {
            return null;
        }
        CelSchemaType type = root;
        for (String element : path.subList(1, path.size())) {
            type = switch (element) {
                case "@items", "@values" -> type.elem();
                case "@keys" -> type.key();
                default -> type.fields() == null ? null : type.fields().get(element);
            };
            if (type == null) {
                return null;
            }
        }
        return new Estimate(0, type.maxElements());
    }

    private static CelTypeProvider provider(Map<String, CelType> structs) {
        return new CelTypeProvider() {
            @Override
            public ImmutableList<CelType> types() {
                return ImmutableList.copyOf(structs.values());
            }

            @Override
            public Optional<CelType> findType(String name) {
                return Optional.ofNullable(structs.get(name));
            }
        };
    }
}

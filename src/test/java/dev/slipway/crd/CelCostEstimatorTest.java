package dev.slipway.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cost estimator against published cases: the examples of the Kubernetes documentation ("Resource use by
 * validation functions" in Extend the Kubernetes API with CustomResourceDefinitions), which the API server rejects
 * or accepts as said there, and the expected costs of apiextensions-apiserver's TestCostEstimation
 * (pkg/apiserver/schema/cel/compilation_test.go), each computed once without and once with limits.
 */
class CelCostEstimatorTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The docs' schema; the blanks take maxItems and maxLength. */
    private static final String STRINGS = """
        type: object
        properties:
          foo:
            type: array%s
            items:
              type: string%s
            x-kubernetes-validations:
              - rule: "self.all(x, x.contains('a string'))"
        """;

    @Test
    void docsContainsOnEveryStringOfAnUnboundedListIsRejectedByMoreThan100x() throws Exception {
        List<CrdRuleCosts.RuleCost> costs = CrdRuleCosts.of(YAML.readTree(String.format(STRINGS, "", "")));
        assertThat(costs).singleElement().satisfies(cost -> assertThat(cost.cost()).isGreaterThan(100 * CrdRuleCosts.RULE_LIMIT));
    }

    @Test
    void docsTheSameRuleWithMaxItemsAndMaxLengthIsAccepted() throws Exception {
        String bounded = String.format(STRINGS, "\n    maxItems: 25", "\n      maxLength: 10");
        assertThat(CrdRuleCosts.of(YAML.readTree(bounded))).singleElement()
            .satisfies(cost -> assertThat(cost.cost()).isEqualTo(202).isLessThanOrEqualTo(CrdRuleCosts.RULE_LIMIT));
    }

    /**
     * The docs say this costs the same as the rule on the list; it is of the same order (25 evaluations of 5 against
     * one of 202: the per-item rule does not pay the loop of all()), and so does the API server's code. The docs
     * write the rule with one ')' too many, which does not compile; this is the rule meant.
     */
    @Test
    void docsTheRuleOnTheItemsIsCountedOncePerItem() throws Exception {
        JsonNode schema = YAML.readTree("""
            type: object
            properties:
              foo:
                type: array
                maxItems: 25
                items:
                  type: string
                  maxLength: 10
                  x-kubernetes-validations:
                    - rule: "self.contains('a string')"
            """);
        assertThat(CrdRuleCosts.of(schema)).singleElement().satisfies(cost -> {
            assertThat(cost.maxCost()).isEqualTo(5);
            assertThat(cost.cardinality()).isEqualTo(25);
            assertThat(cost.overLimit()).isFalse();
        });
    }

    @Test
    void docsAllOnAnUnboundedListOfIntegersIsAccepted() throws Exception {
        JsonNode schema = YAML.readTree(String.format(STRINGS, "", "").replace("type: string", "type: integer")
            .replace("x.contains('a string')", "x == 5"));
        assertThat(CrdRuleCosts.of(schema)).singleElement().satisfies(cost -> {
            assertThat(cost.cost()).isEqualTo(6_291_454);
            assertThat(cost.overLimit()).isFalse();
        });
    }

    @Test
    void docsTheSameRuleOnEachListOfAnUnboundedListOfListsIsRejected() throws Exception {
        JsonNode schema = YAML.readTree("""
            type: object
            properties:
              foo:
                type: array
                items:
                  type: array
                  items:
                    type: integer
                  x-kubernetes-validations:
                    - rule: "self.all(x, x == 5)"
            """);
        assertThat(CrdRuleCosts.of(schema)).singleElement().satisfies(cost -> {
            assertThat(cost.maxCost()).isEqualTo(6_291_454);
            assertThat(cost.cardinality()).as("[] fit 3 MiB this often").isEqualTo(1_048_576);
            assertThat(cost.overLimit()).isTrue();
        });
    }

    /** The nested all() the docs warn of (O(n²)): rejected unbounded, accepted with limits on both lists. */
    @Test
    void nestedAllOverListsOfStringsNeedsLimitsOnBothLists() throws Exception {
        String nested = """
            type: object
            properties:
              foo:
                type: array%s
                items:
                  type: array%s
                  items:
                    type: string%s
                x-kubernetes-validations:
                  - rule: "self.all(x, x.all(y, y == 'something'))"
            """;
        assertThat(CrdRuleCosts.of(YAML.readTree(String.format(nested, "", "", ""))).get(0).overLimit()).isTrue();
        String bounded = String.format(nested, "\n    maxItems: 100", "\n      maxItems: 100", "\n        maxLength: 64");
        CrdRuleCosts.RuleCost cost = CrdRuleCosts.of(YAML.readTree(bounded)).get(0);
        // Outer range and result 2; per list 2 (condition) + 1 (accumulator) + the inner all(): range and result 2,
        // per string 2 + 1 + 2 (y == 'something': 9 characters at 0.1, rounded up, plus y).
        assertThat(cost.cost()).isEqualTo(2 + 100 * (2 + 1 + (2 + 100 * (2 + 1 + 2))));
        assertThat(cost.overLimit()).isFalse();
    }

    static Stream<Arguments> kubernetesCostEstimationCases() {
        String numbers = "{type: array, items: {type: number}%s}";
        String strings = "{type: array, items: {type: string}%s}";
        String stringMap = "{type: object, additionalProperties: {type: string}%s}";
        String string = "{type: string%s}";
        return Stream.of(
            both("number array with all", numbers, "maxItems", "self.all(x, true)", 4_718_591, 10, 32),
            both("string array with all", strings, "maxItems", "self.all(x, true)", 3_145_727, 20, 62),
            both("map of strings with all", stringMap, "maxProperties", "self.all(x, true)", 1_179_647, 3, 11),
            both("string with contains", string, "maxLength", "self.contains('test')", 314_574, 10, 5),
            both("string with startsWith", string, "maxLength", "self.startsWith('test')", 2, 15, 2),
            both("concat string", string, "maxLength", "size(self + \"hello\") > size(\"hello\")", 314_578, 4, 7),
            both("index of array with strings", strings, "maxItems", "self[1] == self[1]", 314_577, 8, 314_577),
            both("regex matches simple", string, "maxLength", "self.matches(\"x\")", 314_574, 50, 22),
            both("regex matches empty regex", string, "maxLength", "self.matches(\"\")", 1, 100, 1),
            both("set string maxLength to zero", string, "maxLength", "self == \"x\"", 2, 0, 1),
            both("O(n^3) loop with numbers", numbers, "maxItems", "self.all(x, self.all(y, self.all(z, true)))", -1, 10, 3552),
            both("set maxLength greater than estimated maxLength", numbers, "maxItems", "self.all(x, x == 0.0)", 6_291_454, 3 * 1024 * 2048, 25_165_826),
            both("int-or-string array with all", "{type: array, items: {x-kubernetes-int-or-string: true}%s}", "maxItems", "self.all(x, true)", 4_718_591, 10, 32),
            both("check cost of size call", "{type: object, additionalProperties: {type: integer}%s}", "maxProperties",
                "oldSelf.size() == self.size()", 5, 10, 5),
            // Map keys have no size in the API server's estimate (their declared type has none): only the values
            // bound by maxLength cost here, which these numbers confirm.
            Stream.of(Arguments.of("map of strings with value length", "{type: object, additionalProperties: {type: string}}",
                "self.all(x, x.contains(self[x]))", 2_752_507L)),
            Stream.of(Arguments.of("map of strings with value length (limits 10)",
                "{type: object, maxProperties: 10, additionalProperties: {type: string, maxLength: 10}}", "self.all(x, x.contains(self[x]))", 72L)),
            Stream.of(Arguments.of("array of objects with all", "{type: array, items: {type: object, required: [required], properties: "
                + "{required: {type: string}, optional: {type: string}}}}", "self.all(x, true)", 555_128L)))
            .flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kubernetesCostEstimationCases")
    void matchesTheApiServersEstimate(String name, String schema, String rule, long expected) throws Exception {
        long cost = CelCostEstimator.maxCost(rule, YAML.readTree(schema), false);
        if (expected < 0) {
            assertThat(cost).as(name).isGreaterThan(CrdRuleCosts.RULE_LIMIT);
        } else {
            assertThat(cost).as(name).isEqualTo(expected);
        }
    }

    /** A case without the limit (expected -1: over the rule limit) and with it set to {@code limit}. */
    private static Stream<Arguments> both(String name, String schema, String limitName, String rule, long unlimited, long limit, long limited) {
        return Stream.of(
            Arguments.of(name, String.format(schema, ""), rule, unlimited),
            Arguments.of(name + " (" + limitName + " " + limit + ")", String.format(schema, ", " + limitName + ": " + limit), rule, limited));
    }
}

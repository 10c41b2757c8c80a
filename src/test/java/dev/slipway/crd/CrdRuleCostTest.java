package dev.slipway.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every CEL rule of the committed CRDs fits the API server's cost budget, so the CRDs install on a real cluster:
 * each rule within the per-rule limit (its cardinality included), all rules of a CRD within the per-CRD limit.
 * The failure lists every rule with its estimate.
 */
class CrdRuleCostTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @ParameterizedTest
    @ValueSource(strings = {"apps.slipway.dev-v1.yml", "releases.slipway.dev-v1.yml", "rollbacks.slipway.dev-v1.yml",
        "promotions.slipway.dev-v1.yml"})
    void everyRuleFitsTheCostBudget(String file) throws Exception {
        Path crd = CrdFiles.COMMITTED.resolve(file);
        JsonNode schema = YAML.readTree(crd.toFile()).at("/spec/versions/0/schema/openAPIV3Schema");
        List<CrdRuleCosts.RuleCost> costs = CrdRuleCosts.of(schema);
        long total = CrdRuleCosts.total(costs);
        String report = String.format("%s: total %,d of %,d%n  %s", file, total, CrdRuleCosts.CRD_LIMIT,
            costs.stream().map(CrdRuleCosts.RuleCost::toString).collect(Collectors.joining("\n  ")));

        assertThat(costs).as("every rule is estimated: %s", report).hasSameSizeAs(CelRules.rulesOf(crd));
        assertThat(costs).as(report).noneMatch(CrdRuleCosts.RuleCost::overLimit);
        assertThat(total).as(report).isLessThanOrEqualTo(CrdRuleCosts.CRD_LIMIT);
    }
}

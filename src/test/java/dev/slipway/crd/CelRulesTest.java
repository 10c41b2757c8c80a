package dev.slipway.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.slipway.model.App;
import dev.slipway.model.AppSpec;
import dev.slipway.model.ConfigVars;
import dev.slipway.model.ReleaseImmutability;
import dev.slipway.model.ReleaseSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The CEL rules in crds/ compile, and mean what their messages say. */
class CelRulesTest {

    @Test
    void everyRuleInEveryCrdCompilesAndHasAMessage() throws Exception {
        List<CelRules.Rule> rules = new ArrayList<>();
        try (Stream<Path> files = Files.list(CrdFiles.COMMITTED)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                rules.addAll(CelRules.rulesOf(file));
            }
        }
        assertThat(rules).extracting(CelRules.Rule::crd).contains(
            "apps.slipway.dev-v1.yml", "releases.slipway.dev-v1.yml", "rollbacks.slipway.dev-v1.yml",
            "promotions.slipway.dev-v1.yml");
        for (CelRules.Rule rule : rules) {
            assertThatCode(() -> CelRules.compile(rule.expression())).as("%s at %s", rule.crd(), rule.path()).doesNotThrowAnyException();
            assertThat(rule.message()).as("%s at %s", rule.crd(), rule.path()).isNotBlank();
        }
    }

    @Test
    void numberedReleaseSpecCannotChange() throws Exception {
        String numbered = "{\"spec\":{\"app\":\"shop\",\"image\":\"web:1\",\"config\":{\"A\":\"1\"}},\"status\":{\"version\":3}}";
        String imageChanged = "{\"spec\":{\"app\":\"shop\",\"image\":\"web:2\",\"config\":{\"A\":\"1\"}},\"status\":{\"version\":3}}";
        String configRemoved = "{\"spec\":{\"app\":\"shop\",\"image\":\"web:1\"},\"status\":{\"version\":3}}";
        String descriptionAdded = "{\"spec\":{\"app\":\"shop\",\"image\":\"web:1\",\"config\":{\"A\":\"1\"},\"description\":\"x\"},\"status\":{\"version\":3}}";

        assertThat(CelRules.holds(ReleaseImmutability.RULE, numbered, numbered)).isTrue();
        assertThat(CelRules.holds(ReleaseImmutability.RULE, imageChanged, numbered)).isFalse();
        assertThat(CelRules.holds(ReleaseImmutability.RULE, configRemoved, numbered)).isFalse();
        assertThat(CelRules.holds(ReleaseImmutability.RULE, descriptionAdded, numbered)).as("one-time fill").isTrue();
    }

    @Test
    void numberedReleaseProcessesCannotChangeOnceFilledIn() throws Exception {
        String none = "{\"spec\":{\"app\":\"shop\",\"image\":\"web:1\"},\"status\":{\"version\":3}}";
        String web = "{\"spec\":{\"app\":\"shop\",\"image\":\"web:1\",\"processes\":{\"web\":{\"port\":5000}}},\"status\":{\"version\":3}}";
        String portChanged = "{\"spec\":{\"app\":\"shop\",\"image\":\"web:1\",\"processes\":{\"web\":{\"port\":8080}}},\"status\":{\"version\":3}}";

        assertThat(CelRules.holds(ReleaseImmutability.RULE, web, none)).as("one-time fill").isTrue();
        assertThat(CelRules.holds(ReleaseImmutability.RULE, portChanged, web)).isFalse();
        assertThat(CelRules.holds(ReleaseImmutability.RULE, none, web)).as("removed").isFalse();
    }

    @Test
    void releaseProcessNamesMustFitAServiceName() throws Exception {
        String fits = "{\"app\":\"" + "a".repeat(40) + "\",\"processes\":{\"" + "w".repeat(22) + "\":{}}}";
        String tooLong = "{\"app\":\"" + "a".repeat(40) + "\",\"processes\":{\"" + "w".repeat(23) + "\":{}}}";
        assertThat(CelRules.holds(ReleaseSpec.NAME_LENGTH_RULE, fits, null)).isTrue();
        assertThat(CelRules.holds(ReleaseSpec.NAME_LENGTH_RULE, tooLong, null)).isFalse();
    }

    @Test
    void unnumberedReleaseSpecMayChange() throws Exception {
        String old = "{\"spec\":{\"app\":\"shop\",\"image\":\"web:1\"}}";
        String changed = "{\"spec\":{\"app\":\"shop\",\"image\":\"web:2\",\"config\":{\"A\":\"1\"}}}";
        assertThat(CelRules.holds(ReleaseImmutability.RULE, changed, old)).isTrue();
    }

    @Test
    void processNamesMustBeDnsLabels() throws Exception {
        assertThat(CelRules.holds(AppSpec.PROCESS_NAME_RULE, "{\"web\":{},\"release-phase\":{}}", null)).isTrue();
        assertThat(CelRules.holds(AppSpec.PROCESS_NAME_RULE, "{\"Bad_Name\":{}}", null)).isFalse();
        assertThat(CelRules.holds(AppSpec.PROCESS_NAME_RULE, "{\"web-\":{}}", null)).isFalse();
    }

    @Test
    void configNamesFollowTheEnvVarRulesAndAvoidTheReservedPrefix() throws Exception {
        assertThat(CelRules.holds(ConfigVars.NAME_RULE, "{\"LOG_LEVEL\":\"x\",\"my.var-1\":\"y\"}", null)).isTrue();
        assertThat(CelRules.holds(ConfigVars.NAME_RULE, "{\"1FOO\":\"x\"}", null)).isFalse();
        assertThat(CelRules.holds(ConfigVars.NAME_RULE, "{\"A B\":\"x\"}", null)).isFalse();
        assertThat(CelRules.holds(ConfigVars.RESERVED_RULE, "{\"SLIPWAY_APP\":\"x\"}", null)).isFalse();
    }

    @Test
    void appAndProcessNameMustFitAServiceName() throws Exception {
        String rule = App.NAME_LENGTH_RULE;
        assertThat(CelRules.holds(rule, "{\"metadata\":{\"name\":\"" + "a".repeat(40) + "\"},\"spec\":{\"processes\":{\"" + "w".repeat(22) + "\":{}}}}", null)).isTrue();
        assertThat(CelRules.holds(rule, "{\"metadata\":{\"name\":\"" + "a".repeat(40) + "\"},\"spec\":{\"processes\":{\"" + "w".repeat(23) + "\":{}}}}", null)).isFalse();
    }

    @Test
    void rollbackSpecIsOneShot() throws Exception {
        assertThat(CelRules.holds("self == oldSelf", "{\"app\":\"shop\",\"to\":3}", "{\"app\":\"shop\",\"to\":3}")).isTrue();
        assertThat(CelRules.holds("self == oldSelf", "{\"app\":\"shop\",\"to\":4}", "{\"app\":\"shop\",\"to\":3}")).isFalse();
    }
}

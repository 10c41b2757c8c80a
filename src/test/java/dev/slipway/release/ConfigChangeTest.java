package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigChangeTest {

    private static EnvFromSource configMap(String name) {
        return new EnvFromSourceBuilder().withNewConfigMapRef().withName(name).endConfigMapRef().build();
    }

    private static Map<String, String> ordered(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void digestDoesNotDependOnMapInsertionOrder() {
        String ab = ConfigChange.digest(ordered("A", "1", "B", "2"), List.of());
        String ba = ConfigChange.digest(ordered("B", "2", "A", "1"), List.of());
        assertThat(ab).isEqualTo(ba);
    }

    @Test
    void digestIsRepeatable() {
        Map<String, String> config = Map.of("LOG_LEVEL", "info");
        assertThat(ConfigChange.digest(config, List.of(configMap("shared"))))
            .isEqualTo(ConfigChange.digest(Map.of("LOG_LEVEL", "info"), List.of(configMap("shared"))))
            .startsWith("sha256:");
    }

    @Test
    void digestChangesWhenAValueChanges() {
        assertThat(ConfigChange.digest(Map.of("LOG_LEVEL", "info"), List.of()))
            .isNotEqualTo(ConfigChange.digest(Map.of("LOG_LEVEL", "debug"), List.of()));
    }

    @Test
    void digestChangesWhenAVariableIsAdded() {
        assertThat(ConfigChange.digest(Map.of("A", "1"), List.of()))
            .isNotEqualTo(ConfigChange.digest(Map.of("A", "1", "B", "2"), List.of()));
    }

    @Test
    void digestChangesWhenEnvFromChanges() {
        assertThat(ConfigChange.digest(Map.of("A", "1"), List.of(configMap("one"))))
            .isNotEqualTo(ConfigChange.digest(Map.of("A", "1"), List.of(configMap("two"))));
    }

    @Test
    void digestTreatsNullAsEmpty() {
        assertThat(ConfigChange.digest(null, null)).isEqualTo(ConfigChange.digest(Map.of(), List.of()));
    }

    @Test
    void sameIgnoresOrderButNoticesValues() {
        assertThat(ConfigChange.same(ordered("A", "1", "B", "2"), null, ordered("B", "2", "A", "1"), List.of())).isTrue();
        assertThat(ConfigChange.same(Map.of("A", "1"), null, Map.of("A", "2"), null)).isFalse();
        assertThat(ConfigChange.same(Map.of("A", "1"), null, Map.of("A", "1", "B", "2"), null)).isFalse();
        assertThat(ConfigChange.same(null, List.of(configMap("one")), Map.of(), List.of(configMap("one")))).isTrue();
        assertThat(ConfigChange.same(null, List.of(configMap("one")), null, List.of(configMap("two")))).isFalse();
        assertThat(ConfigChange.same(null, List.of(configMap("one"), configMap("two")), null, List.of(configMap("two"), configMap("one"))))
            .as("envFrom order decides which source wins a name").isFalse();
    }

    @Test
    void describeListsSetAndUnsetNamesSorted() {
        String text = ConfigChange.describe(Map.of("OLD", "x", "LOG_LEVEL", "info"), List.of(),
            ordered("LOG_LEVEL", "debug", "FOO", "bar"), List.of());
        assertThat(text).isEqualTo("Set FOO, LOG_LEVEL; unset OLD");
    }

    @Test
    void describeNeverContainsValues() {
        String text = ConfigChange.describe(Map.of("PASSWORD", "old-secret"), List.of(),
            Map.of("PASSWORD", "new-secret", "TOKEN", "tok-123"), List.of());
        assertThat(text).doesNotContain("old-secret", "new-secret", "tok-123").isEqualTo("Set PASSWORD, TOKEN");
    }

    @Test
    void describeDoesNotNameUnchangedVariables() {
        assertThat(ConfigChange.describe(Map.of("KEEP", "1", "A", "1"), null, Map.of("KEEP", "1", "A", "2"), null))
            .isEqualTo("Set A");
    }

    @Test
    void describeUnsetAloneIsCapitalised() {
        assertThat(ConfigChange.describe(Map.of("X", "1", "Y", "2"), null, Map.of("Y", "2"), null)).isEqualTo("Unset X");
    }

    @Test
    void describeEnvFromChangeAlone() {
        assertThat(ConfigChange.describe(Map.of("A", "1"), List.of(), Map.of("A", "1"), List.of(configMap("shared"))))
            .isEqualTo("Change envFrom");
    }

    @Test
    void describeEnvFromChangeAfterVariableChanges() {
        assertThat(ConfigChange.describe(Map.of("OLD", "1"), List.of(configMap("one")),
            Map.of("NEW", "1"), List.of(configMap("two"))))
            .isEqualTo("Set NEW; unset OLD; change envFrom");
    }

    @Test
    void describeWithoutDifferenceSaysUpdateConfig() {
        assertThat(ConfigChange.describe(ordered("A", "1", "B", "2"), List.of(configMap("c")),
            ordered("B", "2", "A", "1"), List.of(configMap("c"))))
            .isEqualTo("Update config");
    }

    @Test
    void describeTreatsNullMapsAndListsAsEmpty() {
        assertThat(ConfigChange.describe(null, null, Map.of(), List.of())).isEqualTo("Update config");
        assertThat(ConfigChange.describe(null, null, Map.of("A", "1"), null)).isEqualTo("Set A");
        assertThat(ConfigChange.describe(Map.of("A", "1"), null, null, null)).isEqualTo("Unset A");
        assertThat(ConfigChange.describe(null, null, null, List.of(configMap("c")))).isEqualTo("Change envFrom");
    }
}

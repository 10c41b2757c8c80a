package dev.slipway.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CrdDriftTest {

    @Test
    void committedCrdsAreWhatTheModelGenerates() throws Exception {
        Map<String, String> generated = CrdFiles.generate();
        Map<String, String> committed = CrdFiles.read(CrdFiles.COMMITTED);

        assertThat(generated).containsOnlyKeys("apps.slipway.dev-v1.yml", "releases.slipway.dev-v1.yml", "rollbacks.slipway.dev-v1.yml",
            "promotions.slipway.dev-v1.yml");
        assertThat(committed.keySet())
            .as("crds/ holds exactly the generated files; run `make crds` after changing the model")
            .isEqualTo(generated.keySet());
        generated.forEach((file, content) -> assertThat(committed.get(file))
            .as("crds/%s is out of date; run `make crds` and commit the result", file)
            .isEqualTo(content));
    }
}

package dev.slipway.cli.args;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionTest {
    private static final List<String> COMMANDS = List.of("apps", "releases", "deploy", "rollback");

    @Test
    void aTypoGetsTheClosestName() {
        assertThat(Suggestion.closest("deplyo", COMMANDS)).isEqualTo("; did you mean 'deploy'?");
        assertThat(Suggestion.closest("rollbak", COMMANDS)).isEqualTo("; did you mean 'rollback'?");
        assertThat(Suggestion.closest("rel", COMMANDS)).as("a prefix").isEqualTo("; did you mean 'releases'?");
    }

    @Test
    void anotherWordGetsNone() {
        assertThat(Suggestion.closest("xyz", COMMANDS)).isEmpty();
        assertThat(Suggestion.closest("-x", List.of("-a", "-n"))).isEmpty();
        assertThat(Suggestion.command("status", COMMANDS)).isEqualTo("; the commands are apps, releases, deploy, rollback");
    }

    @Test
    void aSwapOfNeighboursIsOneEdit() {
        assertThat(Suggestion.distance("deplyo", "deploy")).isEqualTo(1);
        assertThat(Suggestion.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestion.distance("", "abc")).isEqualTo(3);
    }
}

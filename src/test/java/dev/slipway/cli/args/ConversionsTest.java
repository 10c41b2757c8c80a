package dev.slipway.cli.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConversionsTest {
    enum Format {
        table, json, yaml
    }

    @Test
    void durationsAreWrittenAsKubectlWritesThem() {
        assertThat(Conversions.duration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Conversions.duration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Conversions.duration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Conversions.duration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Conversions.duration("30")).as("bare seconds").isEqualTo(Duration.ofSeconds(30));
        for (String bad : new String[] {"soon", "5 m", "1d", "-5s", "", "1.5h"}) {
            assertThatThrownBy(() -> Conversions.duration(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + bad + "' is not a duration; use e.g. 90s, 5m or 1h");
        }
    }

    @Test
    void wholeNumbers() {
        assertThat(Conversions.wholeNumber("15")).isEqualTo(15);
        assertThat(Conversions.wholeNumber("-1")).isEqualTo(-1);
        assertThatThrownBy(() -> Conversions.wholeNumber("ten")).hasMessage("'ten' is not a whole number");
        assertThatThrownBy(() -> Conversions.wholeNumber("99999999999")).hasMessage("'99999999999' is not a whole number");
    }

    @Test
    void choicesIgnoreCase() {
        assertThat(Conversions.choice("JSON", Format.values())).isEqualTo(Format.json);
        assertThat(Conversions.choice("yaml", Format.values())).isEqualTo(Format.yaml);
        assertThatThrownBy(() -> Conversions.choice("xml", Format.values())).hasMessage("'xml' is not one of table, json, yaml");
    }
}

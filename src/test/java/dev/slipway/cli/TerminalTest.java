package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/** When output counts as a terminal, when it is coloured, and how wide tables may be. */
class TerminalTest {
    private static final IntSupplier NOT_ASKED = () -> {
        throw new AssertionError("the terminal's width was measured");
    };

    @Test
    void aTerminalIsRedrawnAndColouredAPipeIsNeither() {
        Terminal terminal = Terminal.of(true, Map.of("TERM", "xterm-256color")::get, () -> 80);
        Terminal pipe = Terminal.of(false, Map.of("TERM", "xterm-256color")::get, NOT_ASKED);

        assertThat(terminal.interactive()).isTrue();
        assertThat(terminal.colour()).isTrue();
        assertThat(pipe.interactive()).isFalse();
        assertThat(pipe.colour()).isFalse();
    }

    @Test
    void noColorSetToAnythingTurnsColourOffAndSetEmptyDoesNot() {
        assertThat(Terminal.of(true, Map.of("NO_COLOR", "1")::get, () -> 80).colour()).isFalse();
        assertThat(Terminal.of(true, Map.of("NO_COLOR", "")::get, () -> 80).colour()).isTrue();
        assertThat(Terminal.of(true, Map.of("NO_COLOR", "1")::get, () -> 80).interactive()).isTrue();
    }

    @Test
    void aDumbTerminalGetsPlainLines() {
        Terminal dumb = Terminal.of(true, Map.of("TERM", "dumb")::get, () -> 80);

        assertThat(dumb.interactive()).isFalse();
        assertThat(dumb.colour()).isFalse();
    }

    @Test
    void columnsWinsAndIsNotMeasured() {
        assertThat(Terminal.width("120", true, NOT_ASKED)).isEqualTo(120);
        assertThat(Terminal.width("120", false, NOT_ASKED)).isEqualTo(120);
    }

    @Test
    void withoutColumnsATerminalIsMeasuredAndAPipeHasNoLimitWithoutMeasuring() {
        assertThat(Terminal.width(null, true, () -> 97)).isEqualTo(97);
        assertThat(Terminal.width(null, false, NOT_ASKED)).isEqualTo(Terminal.NO_LIMIT);
        assertThat(Terminal.width("wide", false, NOT_ASKED)).isEqualTo(Terminal.NO_LIMIT);
        assertThat(Terminal.width("0", true, () -> 97)).isEqualTo(97);
    }

    @Test
    void theWidthIsMeasuredOnlyWhenAskedAndOnce() {
        int[] measured = new int[1];
        Terminal terminal = Terminal.of(true, Map.<String, String>of()::get, () -> {
            measured[0]++;
            return 100;
        });
        assertThat(measured[0]).isZero();

        assertThat(terminal.width()).isEqualTo(100);
        assertThat(terminal.width()).isEqualTo(100);
        assertThat(measured[0]).isEqualTo(1);
    }
}

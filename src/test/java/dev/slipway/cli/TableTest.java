package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fitting a table to the terminal: only the free-text columns give way, the widest first, down to a floor. */
class TableTest {
    private static final String LONG = "Rotate the payment provider's credentials after the incident of last week, see the postmortem";

    @Test
    void withoutALimitEveryTextIsWhole() {
        assertThat(lines(releases(), Terminal.NO_LIMIT)).anyMatch(line -> line.contains(LONG));
    }

    @Test
    void aTableThatFitsIsLeftAlone() {
        Table table = new Table("VERSION", "CHANGE", "BY").row("v1", "Deploy 6d58b1ce", "alice").shrinking(1, 2);

        assertThat(lines(table, 80)).containsExactly("VERSION   CHANGE            BY", "v1        Deploy 6d58b1ce   alice");
    }

    @Test
    void aWideTableIsCutToTheWidthInItsFreeTextColumns() {
        List<String> lines = lines(releases(), 80);

        assertThat(lines).allMatch(line -> line.length() <= 80);
        assertThat(lines.get(1)).isEqualTo("v3        Rotate the payment p…   alice@example.com   2 minutes ago   Active");
        assertThat(lines.get(2)).as("short cells stay whole").contains("Deploy 9f2c1d3e").doesNotContain("…");
    }

    @Test
    void theWidestFreeTextColumnGivesWayFirst() {
        Table table = new Table("CHANGE", "BY", "PHASE").shrinking(0, 1)
            .row("x".repeat(40), "system:serviceaccount:argocd:argocd-application-controller", "Active");

        int[] widths = table.fit(new int[] {40, 58, 6}, 70);

        assertThat(widths).containsExactly(29, 29, 6);
    }

    @Test
    void aColumnStopsAtItsFloorAndTheRestWraps() {
        Table table = new Table("VERSION", "CHANGE").shrinking(1).row("v1", LONG);

        assertThat(table.fit(new int[] {7, LONG.length()}, 12)).containsExactly(7, 8);
        assertThat(lines(table, 12).get(1)).isEqualTo("v1        Rotate …");
    }

    @Test
    void cutEndsWithAnEllipsisWithinTheWidth() {
        assertThat(Table.cut("Deploy 6d58b1ce", 8)).isEqualTo("Deploy …").hasSize(8);
        assertThat(Table.cut("Deploy", 8)).isEqualTo("Deploy");
    }

    private static Table releases() {
        return new Table("VERSION", "CHANGE", "BY", "WHEN", "PHASE").shrinking(1, 2)
            .row("v3", LONG, "alice@example.com", "2 minutes ago", "Active")
            .row("v2", "Deploy 9f2c1d3e", "-", "3 days ago", "Superseded");
    }

    private static List<String> lines(Table table, int width) {
        StringWriter out = new StringWriter();
        table.print(new PrintWriter(out), width);
        return out.toString().lines().toList();
    }
}

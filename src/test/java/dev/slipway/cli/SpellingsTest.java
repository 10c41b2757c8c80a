package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The spellings Heroku and Convox users type: colon forms, `releases rollback`, `config get`, `version`, and Heroku's `-n`. */
class SpellingsTest extends CliScenario {

    @BeforeEach
    void history() {
        shopWithTwoReleases();
    }

    @Test
    void rollbackAndPromoteUnderReleases() {
        assertThat(slipway("releases:rollback", "v1", "-a", "shop").out()).isEqualTo("Rolling back to v1 on shop ... done, v3\n");
        assertThat(slipway("releases", "rollback", "v2", "-a", "shop").out()).isEqualTo("Rolling back to v2 on shop ... done, v4\n");
        assertThat(slipway("releases:promote", "v1", "-a", "shop").out()).isEqualTo("Promoting v1 on shop ... done, v5\n");
        assertThat(slipway("releases", "promote", "v2", "-a", "shop").out()).isEqualTo("Promoting v2 on shop ... done, v6\n");
        assertThat(slipway("--help").out()).as("aliases stay out of the help").doesNotContain("releases:rollback");
    }

    @Test
    void configGetPrintsOneValue() {
        assertThat(slipway("config:get", "LOG_LEVEL", "-a", "shop").out()).isEqualTo("info\n");
        assertThat(slipway("config", "get", "LOG_LEVEL", "-a", "shop").out()).isEqualTo("info\n");
        Run missing = slipway("config:get", "NOPE", "-a", "shop");
        assertThat(missing.exit()).isEqualTo(Exit.NOT_FOUND.code);
        assertThat(missing.err()).isEqualTo("error: App shop has no config var NOPE; kubectl slipway config -a shop lists them\n");
    }

    @Test
    void versionIsACommandToo() {
        java.io.StringWriter out = new java.io.StringWriter();
        int exit = KubectlSlipway.run(new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter()), "version");
        assertThat(exit).isZero();
        assertThat(out.toString()).isEqualTo(slipway("--version").out()).startsWith("kubectl-slipway ");
    }

    @Test
    void herokusDashNIsExplained() {
        Run run = slipway("releases", "-n1", "-a", "shop");

        assertThat(run.exit()).isEqualTo(Exit.USAGE.code);
        assertThat(run.err()).isEqualTo("error: -n is the namespace, as in kubectl, so '1' was read as namespace \"1\";"
            + " for the number of releases give --num 1\n");
    }
}

package dev.slipway.cli.args;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class HelpPrinterTest {
    private final ToolFixture tool = new ToolFixture();

    private String help(String... args) {
        Invocation invocation = Parser.parse(tool.root, List.of(args));
        assertThat(invocation.request()).isEqualTo(Invocation.Request.HELP);
        StringWriter out = new StringWriter();
        HelpPrinter.print(new PrintWriter(out), invocation.command());
        return out.toString();
    }

    @Test
    void theRootListsItsCommandsButNotTheHiddenAliasesAndEndsWithTheFooter() {
        assertThat(help("--help")).isEqualTo("""
            A tool for tests.

            Usage:
              tool COMMAND [options]

            Commands:
              get      Get things.
              set      Set vars.
              deploy   Deploy an image, with a description long enough that the help has to
                       wrap it onto a second line.
              pick     Pick a source.
              group    Group things.
              help     Display help information about the specified command.

            Options:
              -h, --help      Show this help message and exit.
              -V, --version   Print version information and exit.

            Use 'tool COMMAND --help' for more about a command.

            Exit codes: 0 ok, 2 usage.
            """);
    }

    @Test
    void aLongDescriptionWraps() {
        assertThat(help("deploy", "--help")).startsWith("""
            Deploy an image, with a description long enough that the help has to wrap it
            onto a second line.

            Usage:
              tool deploy IMAGE [options]
            """);
    }

    @Test
    void aCommandShowsItsUsageArgumentsAndOptionsWithDefaults() {
        assertThat(help("get", "--help")).isEqualTo("""
            Get things.

            Usage:
              tool get [COMMAND] [NAME] [options]

            Commands:
              info   Details of a release.

            Arguments:
              NAME   What to get.

            Options:
              -a, --app=APP            The App (default: $TOOL_APP).
                  --num=N              How many (default: 15).
              -o, --output=FORMAT      Output format: table, json, yaml (default: table).
                  --timeout=DURATION   How long to wait (default: 10m).
              -q, --quiet              Say less.
                  --context=CONTEXT    kubeconfig context (default: the current context).
              -h, --help               Show this help message and exit.

            Use 'tool get COMMAND --help' for more about a command.
            """);
    }

    @Test
    void anAliasIsDescribedUnderTheNameTyped() {
        assertThat(help("get:info", "-h")).startsWith("""
            Details of a release.

            Usage:
              tool get:info [RELEASE] [options]

            Arguments:
              RELEASE   v3 or 3.
            """);
    }

    @Test
    void theHelpCommandPrintsWhatHelpPrints() {
        StringWriter out = new StringWriter();
        Invocation invocation = Parser.parse(tool.root, List.of("help", "get", "info"));
        assertThat(invocation.command().command().action().run(new PrintWriter(out))).isZero();
        assertThat(out.toString()).isEqualTo(help("get", "info", "--help"));
    }

    @Test
    void linesStayWithinEightyColumns() {
        for (List<String> command : List.of(List.of("--help"), List.of("get", "-h"), List.of("deploy", "-h"), List.of("pick", "-h"))) {
            assertThat(help(command.toArray(String[]::new)).lines()).as("%s", command).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(80));
        }
    }
}

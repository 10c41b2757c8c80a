package dev.slipway.cli.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.cli.args.Invocation.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every form a command line can take, and every usage error with its message and the help it points to. */
class ParserTest {
    private final ToolFixture tool = new ToolFixture();

    private Invocation parse(String... args) {
        return Parser.parse(tool.root, List.of(args));
    }

    private UsageException usageError(String... args) {
        List<Object> thrown = new ArrayList<>();
        assertThatThrownBy(() -> parse(args)).isInstanceOfSatisfying(UsageException.class, thrown::add);
        return (UsageException) thrown.get(0);
    }

    @Test
    void optionsTakeTheirValueInEveryForm() {
        parse("get", "--app", "one");
        assertThat(tool.app).isEqualTo("one");
        parse("get", "--app=two");
        assertThat(tool.app).isEqualTo("two");
        parse("get", "-a", "three");
        assertThat(tool.app).isEqualTo("three");
        parse("get", "-afour");
        assertThat(tool.app).isEqualTo("four");
        parse("get", "-a=five");
        assertThat(tool.app).isEqualTo("five");
        parse("get", "--app=x=y");
        assertThat(tool.app).as("only the first '=' separates").isEqualTo("x=y");
    }

    @Test
    void optionsGoBeforeOrAfterPositionalsAndBeforeASubcommand() {
        Invocation run = parse("get", "--num", "3", "thing", "-o", "json");
        assertThat(run.request()).isEqualTo(Request.RUN);
        assertThat(run.command().name()).isEqualTo("tool get");
        assertThat(tool.name).isEqualTo("thing");
        assertThat(tool.num).isEqualTo(3);
        assertThat(tool.output).isEqualTo(ToolFixture.Format.json);

        Invocation info = parse("get", "-a", "shop", "info", "v3");
        assertThat(info.command().name()).isEqualTo("tool get info");
        assertThat(tool.infoApp).as("given before the subcommand's name, bound to the subcommand").isEqualTo("shop");
        assertThat(tool.release).isEqualTo("v3");
    }

    @Test
    void defaultsApplyToOptionsNotGiven() {
        parse("get");
        assertThat(tool.app).isEqualTo("default-app");
        assertThat(tool.num).isEqualTo(15);
        assertThat(tool.output).isEqualTo(ToolFixture.Format.table);
        assertThat(tool.timeout).isEqualTo(Duration.ofMinutes(10));
        assertThat(tool.quiet).isFalse();
        assertThat(tool.name).isNull();
    }

    @Test
    void flagsAreTrueWhenGivenAndAcceptTrueOrFalse() {
        parse("get", "--quiet");
        assertThat(tool.quiet).isTrue();
        parse("get", "--quiet=false");
        assertThat(tool.quiet).isFalse();
        assertThat(usageError("get", "--quiet=yes").getMessage())
            .isEqualTo("bad value for --quiet: 'yes' is not true or false; the option needs no value");
    }

    @Test
    void doubleDashEndsTheOptions() {
        parse("get", "--", "-v1");
        assertThat(tool.name).isEqualTo("-v1");
        parse("set", "A=1", "--", "--app", "B=2");
        assertThat(tool.assignments).containsExactly("A=1", "--app", "B=2");
        assertThat(usageError("get", "--", "info", "x").getMessage())
            .as("no subcommand after --").isEqualTo("unexpected argument 'x'; usage: tool get [COMMAND] [NAME] [options]");
    }

    @Test
    void aLoneDashIsAValueAndAValueMayStartWithADash() {
        parse("get", "-");
        assertThat(tool.name).isEqualTo("-");
        parse("deploy", "img", "-m", "-fix the build");
        assertThat(tool.message).isEqualTo("-fix the build");
    }

    @Test
    void positionalsTakeValuesByArity() {
        parse("set", "A=1", "B=2", "C=3");
        assertThat(tool.assignments).containsExactly("A=1", "B=2", "C=3");
        assertThat(usageError("set").getMessage()).isEqualTo("missing NAME=VALUE; usage: tool set NAME=VALUE... [options]");
        assertThat(usageError("deploy").getMessage()).isEqualTo("missing IMAGE; usage: tool deploy IMAGE [options]");
        assertThat(usageError("deploy", "a", "b").getMessage()).isEqualTo("unexpected argument 'b'; usage: tool deploy IMAGE [options]");
        assertThat(usageError("get", "info", "v1", "v2").getMessage())
            .isEqualTo("unexpected argument 'v2'; usage: tool get info [RELEASE] [options]");
    }

    @Test
    void unknownCommandsSuggestTheClosestOrListThem() {
        UsageException typo = usageError("gte");
        assertThat(typo.getMessage()).isEqualTo("unknown command 'gte' for 'tool'; did you mean 'get'?");
        assertThat(typo.command().name()).isEqualTo("tool");
        assertThat(usageError("dep").getMessage()).as("a prefix").isEqualTo("unknown command 'dep' for 'tool'; did you mean 'deploy'?");
        assertThat(usageError("frobnicate").getMessage())
            .isEqualTo("unknown command 'frobnicate' for 'tool'; the commands are get, set, deploy, pick, group, help");
        UsageException nested = usageError("group", "mebmer");
        assertThat(nested.getMessage()).isEqualTo("unknown command 'mebmer' for 'tool group'; did you mean 'member'?");
        assertThat(nested.command().name()).isEqualTo("tool group");
        parse("get", "inof");
        assertThat(tool.name).as("a command that takes positionals takes other words as values").isEqualTo("inof");
    }

    @Test
    void unknownOptionsNameTheCommandAndSuggestACloseName() {
        assertThat(usageError("get", "--nmu", "3").getMessage()).isEqualTo("unknown option '--nmu' for 'tool get'; did you mean '--num'?");
        assertThat(usageError("get", "--bogus").getMessage()).isEqualTo("unknown option '--bogus' for 'tool get'");
        assertThat(usageError("get", "-x").getMessage()).as("one letter off is no typo").isEqualTo("unknown option '-x' for 'tool get'");
        assertThat(usageError("-a", "shop", "get").getMessage()).isEqualTo("unknown option '-a' for 'tool'");
        UsageException parentOnly = usageError("get", "--num", "3", "info");
        assertThat(parentOnly.getMessage()).isEqualTo("unknown option '--num' for 'tool get info'");
        assertThat(parentOnly.command().name()).isEqualTo("tool get info");
    }

    @Test
    void badValuesNameTheOptionAsTyped() {
        assertThat(usageError("get", "--num", "x").getMessage()).isEqualTo("bad value for --num: 'x' is not a whole number");
        assertThat(usageError("get", "-o", "xml").getMessage()).isEqualTo("bad value for -o: 'xml' is not one of table, json, yaml");
        assertThat(usageError("get", "--timeout=soon").getMessage())
            .isEqualTo("bad value for --timeout: 'soon' is not a duration; use e.g. 90s, 5m or 1h");
    }

    @Test
    void aMissingValueSaysWhatToGive() {
        assertThat(usageError("get", "--num").getMessage()).isEqualTo("missing value for --num; give --num N");
        assertThat(usageError("get", "-a", "--quiet").getMessage()).as("a known option is not a value")
            .isEqualTo("missing value for -a; give -a APP");
    }

    @Test
    void anOptionGivenTwiceIsAnError() {
        assertThat(usageError("get", "-a", "one", "--app", "two").getMessage()).isEqualTo("--app is given more than once; give it once");
    }

    @Test
    void exclusiveOptionsAreCheckedByAnyName() {
        parse("pick", "--from", "v1");
        assertThat(tool.from).isEqualTo("v1");
        assertThat(usageError("pick", "--from", "v1", "--active").getMessage())
            .isEqualTo("--from and --active exclude each other; give only one");
    }

    @Test
    void aCommandWithoutActionGivenAloneIsAskedForItsHelp() {
        Invocation none = parse();
        assertThat(none.request()).isEqualTo(Invocation.Request.HELP);
        assertThat(none.command().name()).isEqualTo("tool");
        assertThat(parse("group").request()).isEqualTo(Invocation.Request.HELP);
        assertThat(parse("group").command().name()).isEqualTo("tool group");
    }

    @Test
    void helpAnywhereAsksForTheHelpOfTheCommandNamedSoFar() {
        assertThat(parse("--help")).isEqualTo(new Invocation(CommandPath.root(tool.root), Request.HELP));
        assertThat(parse("get", "-h").command().name()).isEqualTo("tool get");
        assertThat(parse("get", "info", "--app", "x", "--help").command().name()).isEqualTo("tool get info");
        assertThat(parse("get", "--bogus", "info", "--help").request()).as("even on a line that does not parse").isEqualTo(Request.HELP);
        assertThat(parse("get", "--bogus", "--help").command().name()).isEqualTo("tool get");
        assertThat(parse("deploy", "-m", "--help").request()).isEqualTo(Request.HELP);
        assertThat(parse("deploy", "--", "--help").request()).as("after --, a value").isEqualTo(Request.RUN);
        assertThat(tool.image).isEqualTo("--help");
    }

    @Test
    void versionOnlyWhereTheCommandHasOne() {
        assertThat(parse("-V").request()).isEqualTo(Request.VERSION);
        assertThat(parse("--version", "--whatever").request()).isEqualTo(Request.VERSION);
        assertThat(usageError("get", "--version").getMessage()).isEqualTo("unknown option '--version' for 'tool get'");
    }

    @Test
    void hiddenAliasesRunTheCommandUnderTheNameTyped() {
        Invocation alias = parse("get:info", "v2", "-a", "shop");
        assertThat(alias.command().name()).isEqualTo("tool get:info");
        assertThat(tool.release).isEqualTo("v2");
        assertThat(tool.infoApp).isEqualTo("shop");
    }
}

package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.cli.args.CommandSpec;
import dev.slipway.cli.args.Parser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The options every command shares, bound into {@link CommonOptions}. */
class CommonOptionsTest {

    private static CommonOptions parse(String... args) {
        CommonOptions options = new CommonOptions();
        CommandSpec command = new CommandSpec("test", "A command with the common options.").action(out -> 0);
        options.addTo(command);
        Parser.parse(command, List.of(args));
        return options;
    }

    @Test
    void defaults() {
        CommonOptions options = parse();
        assertThat(options.app).isEqualTo(System.getenv(CommonOptions.APP_VARIABLE));
        assertThat(options.namespace).isNull();
        assertThat(options.context).isNull();
        assertThat(options.kubeconfig).isNull();
        assertThat(options.output).isEqualTo(Format.table);
        assertThat(options.noWait).isFalse();
        assertThat(options.timeout).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void everyOptionByItsShortAndLongName() {
        CommonOptions options = parse("-a", "shop", "-n", "prod", "--context", "eu", "--kubeconfig", "/tmp/kc", "-o", "YAML",
            "--no-wait", "--timeout", "90s");
        assertThat(options.app).isEqualTo("shop");
        assertThat(options.namespace).isEqualTo("prod");
        assertThat(options.context).isEqualTo("eu");
        assertThat(options.kubeconfig).isEqualTo(Path.of("/tmp/kc"));
        assertThat(options.output).isEqualTo(Format.yaml);
        assertThat(options.noWait).isTrue();
        assertThat(options.timeout).isEqualTo(Duration.ofSeconds(90));

        CommonOptions longNames = parse("--app=web", "--namespace=dev", "--output=json", "--timeout=1h");
        assertThat(longNames.app).isEqualTo("web");
        assertThat(longNames.namespace).isEqualTo("dev");
        assertThat(longNames.output).isEqualTo(Format.json);
        assertThat(longNames.timeout).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void timeoutsInEveryUnit() {
        assertThat(parse("--timeout", "250ms").timeout).isEqualTo(Duration.ofMillis(250));
        assertThat(parse("--timeout", "45").timeout).as("bare seconds").isEqualTo(Duration.ofSeconds(45));
        assertThat(parse("--timeout", "5m").timeout).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void requireAppAsksForOne() {
        CommonOptions options = new CommonOptions();
        options.app = " ";
        assertThatThrownBy(options::requireApp).isInstanceOfSatisfying(CliException.class,
            e -> assertThat(e.exit).isEqualTo(Exit.USAGE))
            .hasMessage("which App? Give -a/--app APP or set SLIPWAY_APP; kubectl slipway apps lists them");
    }
}

package dev.slipway.cli.args;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A small command tree shaped like kubectl-slipway's, for the parser and help tests: `tool get [NAME]` with a
 * subcommand `info [RELEASE]` (also hidden as `get:info`), `set NAME=VALUE...`, `deploy IMAGE`, `pick` with
 * two exclusive options, `group` that only groups `member`, and `help`. Values land in the fields.
 */
final class ToolFixture {
    enum Format {
        table, json, yaml
    }

    String app;
    int num;
    Format output;
    Duration timeout;
    boolean quiet;
    String name;
    String infoApp;
    String release;
    final List<String> assignments = new ArrayList<>();
    String image;
    String message;
    String from;

    final CommandSpec root = tree();

    private CommandSpec tree() {
        CommandSpec info = new CommandSpec("info", "Details of a release.")
            .positional(Positional.optional("RELEASE", "v3 or 3.", text -> release = text))
            .option(Option.named("-a", "--app").label("APP").describe("The App.").to(text -> infoApp = text))
            .action(out -> 0);
        CommandSpec get = new CommandSpec("get", "Get things.")
            .positional(Positional.optional("NAME", "What to get.", text -> name = text))
            .option(Option.named("-a", "--app").label("APP").describe("The App.").defaultValue("default-app", "$TOOL_APP")
                .to(text -> app = text))
            .option(Option.named("--num").label("N").describe("How many.").defaultValue("15").to(text -> num = Conversions.wholeNumber(text)))
            .option(Option.named("-o", "--output").label("FORMAT").describe("Output format: " + Conversions.names(Format.values()) + ".")
                .defaultValue("table").to(text -> output = Conversions.choice(text, Format.values())))
            .option(Option.named("--timeout").label("DURATION").describe("How long to wait.").defaultValue("10m")
                .to(text -> timeout = Conversions.duration(text)))
            .option(Option.named("-q", "--quiet").describe("Say less.").flag(on -> quiet = on))
            .option(Option.named("--context").label("CONTEXT").describe("kubeconfig context.").shownDefault("the current context")
                .to(text -> { }))
            .subcommand(info)
            .action(out -> 0);
        CommandSpec tool = new CommandSpec("tool", "A tool for tests.")
            .version(() -> "tool 1.0")
            .subcommand(get)
            .subcommand(new CommandSpec("set", "Set vars.")
                .positional(Positional.oneOrMore("NAME=VALUE", "Vars to set.", assignments::add))
                .action(out -> 0))
            .subcommand(new CommandSpec("deploy", "Deploy an image, with a description long enough that the help has to wrap it "
                + "onto a second line.")
                .positional(Positional.one("IMAGE", "The image.", text -> image = text))
                .option(Option.named("-m", "--message").label("TEXT").describe("Why.").to(text -> message = text))
                .action(out -> 0))
            .subcommand(new CommandSpec("pick", "Pick a source.")
                .option(Option.named("--from").label("RELEASE").describe("This one.").to(text -> from = text))
                .option(Option.named("--active").describe("The active one (default).").flag(on -> { }))
                .exclusive("--from", "--active")
                .action(out -> 0))
            .subcommand(new CommandSpec("group", "Group things.")
                .subcommand(new CommandSpec("member", "A member.").action(out -> 0)))
            .hiddenAlias("get:info", info)
            .footer("Exit codes: 0 ok, 2 usage.");
        return tool.subcommand(HelpCommand.of(tool));
    }
}

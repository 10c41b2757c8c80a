package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.model.ProcessStatus;
import dev.slipway.model.ReleasePhase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What a terminal and a pipe get for one sequence of observed states of a deploy, one second apart. */
class ProgressTest {
    private static final String DOING = "Deploying registry.example/shop/web:3 to shop";
    private static final List<RolloutState> STATES = List.of(
        new RolloutState("shop-x7k2p", ReleasePhase.Pending, null),
        new RolloutState("v3", ReleasePhase.Deploying, Map.of("web", counts(2, 0, 0), "worker", counts(1, 0, 0))),
        new RolloutState("v3", ReleasePhase.Deploying, Map.of("web", counts(2, 0, 0), "worker", counts(1, 0, 0))),
        new RolloutState("v3", ReleasePhase.Deploying, Map.of("web", counts(2, 0, 1), "worker", counts(1, 1, 1))),
        new RolloutState("v3", ReleasePhase.Active, null));

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicLong clock = new AtomicLong();

    @Test
    void aPipeGetsOneLineOnStderrPerChangeAndTheFinalLineAloneOnStdout() {
        deploy(Terminal.pipe(), true);

        assertThat(out.toString()).isEqualTo(DOING + " ... done, v3\n");
        assertThat(err.toString()).isEqualTo("""
            shop-x7k2p Pending (1s)
            v3 Deploying: web 0/0/2, worker 0/0/1 updated/ready/desired (2s)
            v3 Deploying: web 1/0/2, worker 1/1/1 updated/ready/desired (4s)
            v3 Active (5s)
            """);
    }

    @Test
    void jsonOutputKeepsStdoutForTheResultAndTheProgressOnStderr() {
        deploy(terminal(Map.of()), false);

        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).hasLineCount(4).doesNotContain("\033");
    }

    @Test
    void aTerminalGetsOneLineRedrawnAtEveryPollWithTheTimeAndTheFinalLineInItsPlace() {
        deploy(terminal(Map.of()), true);

        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).isEqualTo(DOING + " ... "
            + "\r\033[2K" + DOING + " ... shop-x7k2p Pending (1s)"
            + "\r\033[2K" + DOING + " ... v3 \033[33mDeploying\033[0m: web 0/0/2, worker 0/0/1 updated/ready/desired (2s)"
            + "\r\033[2K" + DOING + " ... v3 \033[33mDeploying\033[0m: web 0/0/2, worker 0/0/1 updated/ready/desired (3s)"
            + "\r\033[2K" + DOING + " ... v3 \033[33mDeploying\033[0m: web 1/0/2, worker 1/1/1 updated/ready/desired (4s)"
            + "\r\033[2K" + DOING + " ... v3 \033[32mActive\033[0m (5s)"
            + "\r\033[2K" + DOING + " ... done, v3\n");
    }

    @Test
    void noColorLeavesThePhaseUncolouredButStillRedrawsInPlace() {
        deploy(terminal(Map.of("NO_COLOR", "1")), true);

        assertThat(out.toString()).contains("\r\033[2K").doesNotContain("\033[3").doesNotContain("\033[0m")
            .contains(" ... v3 Deploying: web 1/0/2");
    }

    @Test
    void aTerminalLineIsCutOneColumnShortOfTheWidth() {
        deploy(terminal(Map.of("COLUMNS", "70")), true);

        List<String> drawn = List.of(out.toString().split("\r\033\\[2K"));
        assertThat(drawn.get(2)).isEqualTo(DOING + " ... v3 \033[33mDeploying\033[0m: web …");
        assertThat(drawn.get(2).replaceAll("\033\\[[0-9;]*m", "")).hasSize(69);
        assertThat(drawn.get(drawn.size() - 1)).as("the final line is never cut").isEqualTo(DOING + " ... done, v3\n");
    }

    @Test
    void aFailureEndsTheLineWithFailedAndATimeoutWithTimedOut() {
        Progress progress = new Progress(new PrintWriter(out), new PrintWriter(err), Terminal.pipe(), true, DOING, clock::get);
        assertThatThrownBy(() -> progress.run(p -> {
            throw new CliException(Exit.FAILED, "v3 failed: deadline");
        }, result -> "done")).isInstanceOf(CliException.class);
        Progress waiting = new Progress(new PrintWriter(out), new PrintWriter(err), Terminal.pipe(), true, "Unpinning shop", clock::get);
        assertThatThrownBy(() -> waiting.run(p -> {
            throw new CliException(Exit.TIMED_OUT, "timed out");
        }, result -> "done")).isInstanceOf(CliException.class);

        assertThat(out.toString()).isEqualTo(DOING + " ... failed\nUnpinning shop ... timed out\n");
    }

    @Test
    void elapsedTimeReadsInSecondsMinutesAndHours() {
        assertThat(Progress.elapsed(java.time.Duration.ofSeconds(59))).isEqualTo("59s");
        assertThat(Progress.elapsed(java.time.Duration.ofSeconds(245))).isEqualTo("4m05s");
        assertThat(Progress.elapsed(java.time.Duration.ofSeconds(3720))).isEqualTo("1h02m");
    }

    private void deploy(Terminal terminal, boolean table) {
        Progress progress = new Progress(new PrintWriter(out), new PrintWriter(err), terminal, table, DOING, clock::get);
        progress.run(p -> {
            for (RolloutState state : STATES) {
                clock.addAndGet(1_000_000_000L);
                p.observe(state);
            }
            return "v3";
        }, version -> "done, " + version);
    }

    private static Terminal terminal(Map<String, String> environment) {
        return Terminal.of(true, environment::get, () -> Terminal.NO_LIMIT);
    }

    private static ProcessStatus counts(int desired, int ready, int updated) {
        return new ProcessStatus(desired, ready, updated);
    }
}

package dev.slipway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `make cli-sandbox` runs until a signal, whatever its stdin: closed (nohup, a script, CI) or a terminal (an interactive
 * shell, here a pseudo-terminal made by `script`). It serves the plugin meanwhile and removes its kubeconfig on the way out.
 */
class CliSandboxTest {
    @TempDir
    Path dir;

    @Test
    void withStdinClosedItServesUntilASignal() throws Exception {
        Path kubeconfig = dir.resolve("kubeconfig");
        ProcessBuilder builder = new ProcessBuilder(java(kubeconfig)).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));

        assertServesUntilSignalled(builder.start(), kubeconfig);
    }

    @Test
    void withATerminalItServesUntilASignal() throws Exception {
        Path kubeconfig = dir.resolve("kubeconfig");
        // script gives the sandbox a pseudo-terminal as stdin; its own stdin stays open (a pipe nobody writes to).
        String command = String.join(" ", java(kubeconfig).stream().map(word -> "'" + word + "'").toList());
        Process script = new ProcessBuilder("script", "-qfec", command, "/dev/null").start();

        assertServesUntilSignalled(script, kubeconfig);
    }

    private static void assertServesUntilSignalled(Process process, Path kubeconfig) throws Exception {
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.contains("Sandbox ready"));
            assertThat(line).as("the sandbox got ready").isNotNull();
            assertThat(process.waitFor(2, TimeUnit.SECONDS)).as("still running after it said it was ready").isFalse();

            StringWriter listing = new StringWriter();
            int exit = dev.slipway.cli.KubectlSlipway.run(new PrintWriter(listing), new PrintWriter(new StringWriter()),
                "apps", "--kubeconfig", kubeconfig.toString());
            assertThat(exit).isZero();
            assertThat(listing.toString()).contains("shop");

            sandbox(process).destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
            assertThat(kubeconfig).as("no kubeconfig left pointing at nothing").doesNotExist();
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** The JVM itself: under script, the signal goes to the sandbox, as Ctrl-C or kill would. */
    private static ProcessHandle sandbox(Process process) {
        return process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false)).findFirst()
            .orElse(process.toHandle());
    }

    private static List<String> java(Path kubeconfig) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CliSandbox.class.getName());
        command.add(kubeconfig.toString());
        Files.createDirectories(kubeconfig.getParent());
        return command;
    }
}

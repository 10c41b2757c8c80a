package dev.slipway.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionEvaluationListener;
import org.awaitility.core.EvaluatedCondition;
import org.awaitility.core.TimeoutEvent;

/**
 * When a wait runs out, records what the test JVM was doing at that moment, before the test's clean-up
 * stops the operator: every thread's stack and what each open {@link Cluster} holds. A wait that fails
 * once in a hundred runs cannot be understood from the passing runs, so the evidence is written every time,
 * to {@code target/test-diagnostics/}.
 */
public final class WaitDiagnostics implements ConditionEvaluationListener<Object> {
    private static final Path DIRECTORY = Path.of("target", "test-diagnostics");
    private static final Set<Cluster> OPEN = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger COUNT = new AtomicInteger();

    private WaitDiagnostics() {
    }

    static void install() {
        Awaitility.setDefaultConditionEvaluationListener(new WaitDiagnostics());
    }

    static void opened(Cluster cluster) {
        OPEN.add(cluster);
    }

    static void closed(Cluster cluster) {
        OPEN.remove(cluster);
    }

    @Override
    public void conditionEvaluated(EvaluatedCondition<Object> condition) {
    }

    @Override
    public void onTimeout(TimeoutEvent event) {
        StringBuilder report = new StringBuilder("Wait timed out at ").append(Instant.now()).append(": ")
            .append(event.getDescription()).append("\n\n");
        for (Cluster cluster : OPEN) {
            try {
                report.append(cluster.describe()).append('\n');
            } catch (RuntimeException e) {
                report.append("cluster state unreadable: ").append(e).append("\n\n");
            }
        }
        report.append("Threads\n");
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            report.append(stack(thread));
        }
        Path file = DIRECTORY.resolve("wait-timeout-" + ProcessHandle.current().pid() + "-" + COUNT.incrementAndGet() + ".txt");
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(file, report);
            System.err.println("Wait timed out; threads and cluster state written to " + file.toAbsolutePath());
        } catch (IOException e) {
            System.err.println(report);
        }
    }

    /** ThreadInfo.toString() cuts stacks at 8 frames, too few to see what a reconcile waits on. */
    private static String stack(ThreadInfo thread) {
        StringBuilder text = new StringBuilder("\"").append(thread.getThreadName()).append("\" ")
            .append(thread.getThreadState());
        if (thread.getLockName() != null) {
            text.append(" on ").append(thread.getLockName());
        }
        text.append('\n');
        for (StackTraceElement frame : thread.getStackTrace()) {
            text.append("    at ").append(frame).append('\n');
        }
        return text.append('\n').toString();
    }
}

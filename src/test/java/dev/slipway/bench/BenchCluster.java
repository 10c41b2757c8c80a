package dev.slipway.bench;

import dev.slipway.testing.OperatorJvm;
import dev.slipway.testing.OperatorProcess;
import dev.slipway.testing.DeploymentController;
import dev.slipway.testing.TestApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What every benchmark section runs on: the in-process API server with its request timeline, the
 * Deployment-controller fixture, the benchmark's own client, and the packaged operator as a separate process.
 */
final class BenchCluster implements AutoCloseable {
    /** Bounds a wait for the operator to start; it only catches an operator that cannot start at all. */
    static final Duration START_LIMIT = Duration.ofSeconds(60);
    /**
     * How long the benchmark's clients wait for one answer. Under the throughput burst the in-process server
     * queues writes behind one lock for more than the client's default 10 s; the benchmark measures how long
     * convergence takes, so its clients wait as a patient CI job would instead of failing the run.
     */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    final TestApiServer api;
    final RequestTimeline timeline;
    final KubernetesClient client;
    private final DeploymentController kubelet;
    private final Path operatorLog;
    private OperatorProcess operator;

    private BenchCluster(TestApiServer api, RequestTimeline timeline, Path operatorLog) {
        this.api = api;
        this.timeline = timeline;
        this.client = api.newClient(RequestTimeline.BENCH_AGENT, REQUEST_TIMEOUT);
        this.kubelet = DeploymentController.start(api.newClient(RequestTimeline.KUBELET_AGENT, REQUEST_TIMEOUT));
        this.operatorLog = operatorLog;
    }

    static BenchCluster start(Path operatorLog) {
        // The mock server logs every request through java.util.logging; at this volume that is most of its cost.
        Logger.getLogger("io.fabric8.mockwebserver").setLevel(Level.WARNING);
        RequestTimeline[] timeline = new RequestTimeline[1];
        TestApiServer api = TestApiServer.start(dispatcher -> timeline[0] = new RequestTimeline(new UnstoredEvents(dispatcher)));
        return new BenchCluster(api, timeline[0], operatorLog);
    }

    /** Starts the packaged operator and waits until it reports ready; returns the time that took. */
    Duration startOperator(Map<String, String> properties) throws IOException, InterruptedException {
        return startOperator(properties, OperatorJvm.current());
    }

    /** The same on a chosen JVM and start-up archive. */
    Duration startOperator(Map<String, String> properties, OperatorJvm jvm) throws IOException, InterruptedException {
        if (operator != null) {
            throw new IllegalStateException("the operator is already running");
        }
        operator = OperatorProcess.start(api.url(), operatorLog, properties, Map.of(), jvm);
        return operator.awaitReady(START_LIMIT);
    }

    OperatorProcess operator() {
        return operator;
    }

    void stopOperator() throws InterruptedException {
        operator.close();
        operator = null;
    }

    /**
     * Converged is not yet idle: the events of the last step may still be on their way (they are sent in the
     * background). Waits until the operator has written nothing for {@code quiet}; returns how long that took.
     */
    Duration awaitQuiet(Duration quiet) throws InterruptedException {
        long start = System.nanoTime();
        return Poll.until("the operator to stop writing", Duration.ofMillis(200), Duration.ofMinutes(5),
            () -> System.nanoTime() - timeline.lastOperatorWrite(start) > quiet.toNanos());
    }

    @Override
    public void close() throws InterruptedException {
        if (operator != null) {
            stopOperator();
        }
        kubelet.close();
        api.close();
    }
}

package dev.slipway.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged operator (target/quarkus-app/quarkus-run.jar) as its own JVM, pointed at the in-process API
 * server. The JVM runs with the pod's options ({@link PodJvm}: its memory limit, the image's defaults, its
 * collector and JAVA_OPTS_APPEND), so the heap, the collector and the RSS are the ones a cluster would see.
 */
public final class OperatorProcess implements AutoCloseable {
    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    /** USER_HZ, which is 100 on every Linux architecture the JDK runs on. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final long startedNanos;
    private final Path log;
    /** Where this process's output starts in {@code log}, which earlier runs may have written to before. */
    private final long logStart;

    private OperatorProcess(Process process, int port, long startedNanos, Path log, long logStart) {
        this.process = process;
        this.port = port;
        this.startedNanos = startedNanos;
        this.log = log;
        this.logStart = logStart;
    }

    /** Starts the operator; {@code properties} are extra -D settings (e.g. a max reconciliation interval). */
    public static OperatorProcess start(String apiServerUrl, Path log, Map<String, String> properties) throws IOException {
        return start(apiServerUrl, log, properties, Map.of());
    }

    /** The same with extra environment variables, e.g. HOSTNAME, which names a pod's replica. */
    public static OperatorProcess start(String apiServerUrl, Path log, Map<String, String> properties,
                                        Map<String, String> environment) throws IOException {
        return start(apiServerUrl, log, properties, environment, OperatorJvm.current());
    }

    /** The same on a chosen JVM and start-up archive (the start-up benchmark and the archive training runs). */
    public static OperatorProcess start(String apiServerUrl, Path log, Map<String, String> properties,
                                        Map<String, String> environment, OperatorJvm jvm) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run `./mvnw -DskipTests package` (make bench does)");
        }
        int port = freePort();
        // Sized and collected as the pod in deploy/ is; a collector among the JVM's options replaces the pod's.
        PodJvm pod = PodJvm.fromDeployment();
        Optional<String> collector = jvm.options().stream().filter(PodJvm::isCollector).findFirst();
        List<String> command = new ArrayList<>(List.of(jvm.java().toString()));
        command.addAll(collector.map(pod::withCollector).orElse(pod).options());
        command.addAll(List.of(
            "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
            "-Dquarkus.http.port=" + port,
            "-Dquarkus.kubernetes-client.api-server-url=" + apiServerUrl,
            "-Dquarkus.kubernetes-client.trust-certs=true",
            "-Dquarkus.kubernetes-client.namespace=slipway-system"));
        // An archive only matches the class path it was trained with: the operator runs from its directory, as training did.
        command.addAll(jvm.options().stream().filter(option -> !PodJvm.isCollector(option)).toList());
        // e.g. -Dbench.jvm-options="-XX:StartFlightRecording=filename=target/bench/operator.jfr" to profile it.
        String extra = System.getProperty("bench.jvm-options", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(JAR.getFileName().toString());
        Files.createDirectories(log.toAbsolutePath().getParent());
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).directory(JAR.getParent().toFile()).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toAbsolutePath().toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        // Killing the benchmark must not leave an operator behind, spinning against a vanished API server.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new OperatorProcess(process, port, started, log, logStart);
    }

    /** Waits until /q/health/ready answers 200; returns the time from process start, or fails after {@code limit}. */
    public Duration awaitReady(Duration limit) throws InterruptedException {
        long deadline = startedNanos + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the operator exited with " + process.exitValue() + " before it was ready");
            }
            if (get("/q/health/ready").filter(r -> r.statusCode() == 200).isPresent()) {
                return Duration.ofNanos(System.nanoTime() - startedNanos);
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the operator was not ready within " + limit);
    }

    /** The lines this process has written to its log (stdout and stderr) so far. */
    public List<String> logLines() throws IOException {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) logStart, all.length - (int) logStart, StandardCharsets.UTF_8).lines().toList();
    }

    public Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** Sum of the Prometheus samples of {@code metric} whose labels contain every one of {@code labels}. */
    public double metric(String metric, String... labels) throws InterruptedException {
        String body = get("/q/metrics").map(HttpResponse::body)
            .orElseThrow(() -> new IllegalStateException("the operator does not answer on /q/metrics"));
        double sum = 0;
        Pattern sample = Pattern.compile("^" + Pattern.quote(metric) + "(\\{[^}]*})? ([0-9.eE+-]+)$", Pattern.MULTILINE);
        Matcher m = sample.matcher(body);
        while (m.find()) {
            String tags = m.group(1) == null ? "" : m.group(1);
            if (List.of(labels).stream().allMatch(tags::contains)) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    /**
     * Heap in use right after a full collection, as the JVM reports it (jcmd GC.run, then GC.heap_info): the sum
     * of its spaces, in JDK 17's format ("total 95232K, used 30650K") and JDK 25's ("total reserved 262144K,
     * committed 95232K, used 30650K").
     */
    public long heapAfterFullGcBytes() throws IOException, InterruptedException {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher used = Pattern.compile("total (?:reserved \\d+K, committed )?\\d+K, used (\\d+)K").matcher(info);
        long kib = 0;
        while (used.find()) {
            kib += Long.parseLong(used.group(1));
        }
        if (kib == 0) {
            throw new IllegalStateException("cannot read heap usage from jcmd GC.heap_info:\n" + info);
        }
        return kib * 1024;
    }

    /** CPU time the process has used (user + system): start-up work, whatever else the machine runs. */
    public Duration cpuTime() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return Duration.ofMillis(ticks * 1000 / CLOCK_TICKS_PER_SECOND);
    }

    /**
     * What the JVM has committed, by area (jcmd VM.native_memory summary; the process must have been started with
     * -XX:NativeMemoryTracking=summary): "Java Heap", "Class", "Thread", "Code", "GC", … in MiB, in the JVM's order.
     */
    public Map<String, Long> committedByArea() throws IOException, InterruptedException {
        String summary = jcmd("VM.native_memory summary");
        Matcher area = Pattern.compile("-\\s+(.+?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)").matcher(summary);
        Map<String, Long> areas = new java.util.LinkedHashMap<>();
        while (area.find()) {
            areas.put(area.group(1).trim(), Long.parseLong(area.group(2)) / 1024);
        }
        if (areas.isEmpty()) {
            throw new IllegalStateException("cannot read jcmd VM.native_memory summary:\n" + summary);
        }
        return areas;
    }

    /** Resident memory of the process, all of it (VmRSS). */
    public long rssBytes() throws IOException {
        return status("VmRSS");
    }

    /**
     * The anonymous part of the resident memory (RssAnon): heap, metaspace, code, thread stacks, malloc. The rest
     * of VmRSS is file pages (the jar, the start-up archive), which the kernel can drop under pressure.
     */
    public long rssAnonBytes() throws IOException {
        return status("RssAnon");
    }

    private long status(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no " + field + " for pid " + process.pid());
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private Optional<HttpResponse<String>> get(String path) throws InterruptedException {
        try {
            return Optional.of(HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()));
        } catch (IOException notListeningYet) {
            return Optional.empty();
        }
    }

    /**
     * Sends SIGTERM, as the kubelet does when a pod is deleted, and waits up to {@code limit} for the process to
     * exit; returns how long it took, or empty when it still runs.
     */
    public Optional<Duration> terminate(Duration limit) throws InterruptedException {
        long sent = System.nanoTime();
        process.destroy();
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)
            ? Optional.of(Duration.ofNanos(System.nanoTime() - sent)) : Optional.empty();
    }

    /** SIGKILL: the process dies at once, as when a node fails or the kubelet's grace period runs out. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Waits up to {@code limit} for the process to end on its own; true when it has. */
    public boolean awaitExit(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** Stops the operator as Kubernetes does (SIGTERM) and waits for it to exit. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

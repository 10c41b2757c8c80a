package dev.slipway.bench;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every request the API server answered, stamped on arrival with the server's clock, so latencies are
 * measured where the writes land rather than where a (delayed) watch reports them.
 */
final class RequestTimeline extends Dispatcher {
    /** User-Agent of the benchmark's own client; requests with it are load, not operator work. */
    static final String BENCH_AGENT = "slipway-bench";
    /** User-Agent of the Deployment-controller fixture. */
    static final String KUBELET_AGENT = "slipway-bench-kubelet";

    /** {@code phase}: for a Release status write, the phase it sets; null otherwise. */
    record Request(long nanos, String userAgent, String method, String path, int status, String phase) {
        boolean isWatch() {
            return path.contains("watch=true");
        }

        /** Access reviews are POSTs that store nothing: questions to the API server, counted as reads. */
        boolean isWrite() {
            return !method.equals("GET") && !isReview();
        }

        private boolean isReview() {
            return path.split("\\?")[0].endsWith("reviews");
        }

        boolean isRead() {
            return (method.equals("GET") && !isWatch()) || isReview();
        }

        /** Watches open as WebSocket upgrades without a User-Agent, so only REST calls can be attributed. */
        boolean fromOperator() {
            return !isWatch() && userAgent != null && !userAgent.startsWith(BENCH_AGENT);
        }

        /** Leader-election renewals: the price of running two replicas, not work on anyone's objects. */
        boolean isLease() {
            return path.contains("/leases");
        }

        /** "PUT releases/status", "GET deployments": what was done to which kind, without names. */
        String kind() {
            String base = path.split("\\?")[0];
            String[] parts = base.split("/");
            int ns = List.of(parts).indexOf("namespaces");
            String resource = ns >= 0 && parts.length > ns + 2 ? parts[ns + 2] : parts[parts.length - 1];
            boolean status = base.endsWith("/status");
            return method + " " + resource + (status ? "/status" : "");
        }
    }

    private static final Pattern PHASE = Pattern.compile("\"phase\"\\s*:\\s*\"(\\w+)\"");

    private final Dispatcher delegate;
    private final Queue<Request> requests = new ConcurrentLinkedQueue<>();

    RequestTimeline(Dispatcher delegate) {
        this.delegate = delegate;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        long arrived = System.nanoTime();
        String phase = phaseWritten(request);
        MockResponse response = delegate.dispatch(request);
        requests.add(new Request(arrived, request.getHeader("User-Agent"), request.getMethod(), request.getPath(), response.code(),
            phase));
        return response;
    }

    private static String phaseWritten(RecordedRequest request) {
        String path = request.getPath();
        if (request.getMethod().equals("GET") || !path.contains("/releases/") || !path.split("\\?")[0].endsWith("/status")) {
            return null;
        }
        // getBytes() leaves the body for the server to read; getUtf8Body() would consume it.
        Matcher phase = PHASE.matcher(request.getBody() == null ? "" : new String(request.getBody().getBytes(), StandardCharsets.UTF_8));
        return phase.find() ? phase.group(1) : null;
    }

    /** The requests that arrived at or after {@code sinceNanos} and match. */
    List<Request> since(long sinceNanos, Predicate<Request> filter) {
        List<Request> matching = new ArrayList<>();
        for (Request r : requests) {
            if (r.nanos() >= sinceNanos && filter.test(r)) {
                matching.add(r);
            }
        }
        return matching;
    }

    /** Writes to Apps, Releases, workloads and Events: everything but the leader-election Lease. */
    long operatorWritesSince(long sinceNanos) {
        return since(sinceNanos, r -> r.fromOperator() && r.isWrite() && !r.isLease()).size();
    }

    /** "PUT releases/status" and the like, for the operator's writes since then, lease renewals left out. */
    List<String> operatorWriteKindsSince(long sinceNanos) {
        return since(sinceNanos, r -> r.fromOperator() && r.isWrite() && !r.isLease()).stream().map(Request::kind).toList();
    }

    /** Nanos of the operator's latest write (lease renewals left out), or {@code orElse} when there was none. */
    long lastOperatorWrite(long orElse) {
        long last = orElse;
        for (Request r : requests) {
            if (r.fromOperator() && r.isWrite() && !r.isLease()) {
                last = Math.max(last, r.nanos());
            }
        }
        return last;
    }

    long leaseWritesSince(long sinceNanos) {
        return since(sinceNanos, r -> r.fromOperator() && r.isWrite() && r.isLease()).size();
    }

    /** Forgets what was recorded, so long runs do not hold every request in memory. */
    void clear() {
        requests.clear();
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }
}

package dev.slipway.testing;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells operator processes apart on one API server. Their User-Agent cannot: it is {@code slipway-operator/<version>},
 * and the version is fixed at build time (a -Dquarkus.application.version at run time is ignored with a warning).
 * So each process is given its own URL, {@link #url}, the API server's under a path naming the replica (a client
 * keeps the path of its server URL, as behind a proxy such as Rancher's); this dispatcher removes that path and
 * appends the replica's name to the User-Agent, as in {@code slipway-operator/0.1.0 (replica-b)}, for the
 * dispatchers behind it ({@link RequestLog}). The client reads the resource and name of a failed request from
 * its path, which the prefix shifts: a refusal would name no object, so scenarios with refused writes do not use it.
 */
public final class ReplicaPaths extends Dispatcher {
    private static final Pattern PREFIX = Pattern.compile("^/replicas/([a-z0-9-]+)(/.*)$");

    private final Dispatcher delegate;

    public ReplicaPaths(Dispatcher delegate) {
        this.delegate = delegate;
    }

    /** The URL the replica named {@code replica} is to use for {@code api}. */
    public static String url(TestApiServer api, String replica) {
        return api.url() + "replicas/" + replica + "/";
    }

    /** The User-Agent {@link RequestLog} records for a request of {@code replica}: its own, then the replica's name. */
    public static boolean sentBy(RequestLog.Request request, String replica) {
        return request.userAgent() != null && request.userAgent().endsWith(" (" + replica + ")");
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        Matcher m = PREFIX.matcher(request.getPath());
        if (!m.matches()) {
            return delegate.dispatch(request);
        }
        String agent = request.getHeader("User-Agent") + " (" + m.group(1) + ")";
        return delegate.dispatch(new RecordedRequest(request.getHttpVersion(), request.method(), m.group(2),
            request.getHeaders().newBuilder().set("User-Agent", agent).build(), request.getBody()));
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }
}

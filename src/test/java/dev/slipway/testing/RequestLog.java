package dev.slipway.testing;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every request the API server answers: who sent it (User-Agent), the method and the path. */
public final class RequestLog extends Dispatcher {
    public record Request(String userAgent, String method, String path, int status) {
        public boolean isWrite() {
            return !method.equals("GET");
        }
    }

    private final Dispatcher delegate;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public RequestLog(Dispatcher delegate) {
        this.delegate = delegate;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        MockResponse response = delegate.dispatch(request);
        requests.add(new Request(request.getHeader("User-Agent"), request.getMethod(), request.getPath(), response.code()));
        return response;
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }
}

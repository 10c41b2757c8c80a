package dev.slipway.bench;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;

/**
 * Accepts Event creates without storing them. A real API server keeps Events under their own keys with a
 * one-hour TTL, so they cost other requests nothing; the mock server keeps them with every other object and
 * scans them all on every request, which would make each deploy's six or seven Events slow down everything
 * after it and the benchmark measure the mock's store instead of the operator. The requests still arrive, are
 * stamped and counted like any other write.
 */
final class UnstoredEvents extends Dispatcher {
    private final Dispatcher delegate;

    UnstoredEvents(Dispatcher delegate) {
        this.delegate = delegate;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if ("POST".equals(request.getMethod()) && request.getPath().split("\\?")[0].endsWith("/events")) {
            String body = request.getBody() == null ? "{}" : new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
            return new MockResponse().setResponseCode(201).setBody(body);
        }
        return delegate.dispatch(request);
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }
}

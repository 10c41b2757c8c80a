package dev.slipway.testing;

import io.fabric8.mockwebserver.http.Dispatcher;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A fixture put around the in-process API server's dispatcher when a {@link Cluster} or {@link TestApiServer} starts (a
 * crash injector, a request log, paused writes), kept so that the test can steer or read it afterwards:
 * {@code var crash = ServerFixture.of(OperatorCrash::new); new Cluster(crash); crash.get().nextVictim(3)}.
 */
public final class ServerFixture<T extends Dispatcher> implements UnaryOperator<Dispatcher> {
    private final Function<Dispatcher, T> wrap;
    private volatile T fixture;

    private ServerFixture(Function<Dispatcher, T> wrap) {
        this.wrap = wrap;
    }

    public static <T extends Dispatcher> ServerFixture<T> of(Function<Dispatcher, T> wrap) {
        return new ServerFixture<>(wrap);
    }

    @Override
    public Dispatcher apply(Dispatcher server) {
        fixture = wrap.apply(server);
        return fixture;
    }

    /** The fixture of the server started last. */
    public T get() {
        T current = fixture;
        if (current == null) {
            throw new IllegalStateException("no server has been started with this fixture yet: pass it to new Cluster(...) or TestApiServer.start(...) first");
        }
        return current;
    }
}

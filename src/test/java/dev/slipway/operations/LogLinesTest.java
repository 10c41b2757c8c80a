package dev.slipway.operations;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.App;
import dev.slipway.model.ReleasePhase;
import dev.slipway.testing.ClusterScenario;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each action is one log line carrying app, namespace and version as fields; config values never appear. */
class LogLinesTest extends ClusterScenario {
    private static final String SECRET = "s3cr3t-value-7f9a";
    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            ExtLogRecord copy = ExtLogRecord.wrap(record);
            copy.copyAll(); // the MDC is read lazily from the logging thread: take it now
            records.add(copy);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        Logger.getLogger("dev.slipway").addHandler(capture);
    }

    @AfterEach
    void releaseLogs() {
        Logger.getLogger("dev.slipway").removeHandler(capture);
    }

    @Test
    void actionsAreLoggedWithAppNamespaceAndVersionAndWithoutConfigValues() {
        cluster.create(webAndWorker("shop", Map.of("API_TOKEN", SECRET)));
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.awaitPhase("shop-a", ReleasePhase.Active);
        cluster.update(App.class, "shop", app -> app.getSpec().getConfig().put("API_TOKEN", SECRET + "-rotated"));
        cluster.awaitPhase("shop-v2", ReleasePhase.Active);

        ExtLogRecord numbered = records.stream()
            .filter(r -> r.getFormattedMessage().startsWith("Numbered release shop/shop-a as v1")).findFirst().orElseThrow();
        assertThat(numbered.getMdc("app")).isEqualTo("shop");
        assertThat(numbered.getMdc("namespace")).isEqualTo("shop");
        assertThat(numbered.getMdc("version")).isEqualTo("v1");
        assertThat(records).extracting(ExtLogRecord::getFormattedMessage)
            .anyMatch(m -> m.contains("config changed (Set API_TOKEN)"))
            .noneMatch(m -> m.contains(SECRET));
    }
}

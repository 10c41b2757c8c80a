package dev.slipway.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Arrays;
import java.util.Map;
import java.util.logging.Handler;
import org.jboss.logmanager.LogContext;
import org.junit.jupiter.api.Test;

/** SLIPWAY_LOG_JSON=true switches the console to JSON lines. */
@QuarkusTest
@TestProfile(JsonLoggingTest.JsonLogs.class)
@QuarkusTestResource(InProcessApiServerResource.class)
class JsonLoggingTest {

    public static class JsonLogs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("SLIPWAY_LOG_JSON", "true");
        }
    }

    @Test
    void consoleLogsAreJson() {
        assertThat(formatters(LogContext.getLogContext().getLogger("").getHandlers()))
            .anyMatch(formatter -> formatter.contains("Json"));
    }

    private static String[] formatters(Handler[] handlers) {
        return Arrays.stream(handlers)
            .flatMap(h -> h instanceof org.jboss.logmanager.ExtHandler ext && ext.getHandlers().length > 0
                ? Arrays.stream(ext.getHandlers()) : java.util.stream.Stream.of(h))
            .map(h -> h.getFormatter() == null ? "none" : h.getFormatter().getClass().getName())
            .toArray(String[]::new);
    }
}

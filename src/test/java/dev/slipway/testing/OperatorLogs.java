package dev.slipway.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jboss.logmanager.Logger;
import org.jboss.logmanager.formatters.PatternFormatter;

/**
 * Every line the operator logs while open, at the most the packaged operator can log: everything of its own, DEBUG of
 * the libraries (Quarkus compiles out TRACE below quarkus.log.min-level=DEBUG), and never the HTTP body logger
 * (min-level INFO in application.properties). Each line is level, logger, message and stack trace, as printed.
 */
public final class OperatorLogs implements AutoCloseable {
    private static final Map<String, Level> LOGGERS = Map.of(
        "dev.slipway", Level.ALL,
        "io.javaoperatorsdk", Level.FINE,
        "io.fabric8.kubernetes.client", Level.FINE,
        "io.fabric8.kubernetes.client.http.HttpLoggingInterceptor", Level.INFO);
    private static final PatternFormatter AS_PRINTED = new PatternFormatter("%s%e");

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Map<String, Level> before = new HashMap<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (!record.getLoggerName().startsWith("io.fabric8.kubernetes.client.server.mock")) { // the stand-in API server
                lines.add(record.getLevel() + " " + record.getLoggerName() + " " + AS_PRINTED.format(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private OperatorLogs() {
        LOGGERS.forEach((name, level) -> {
            Logger logger = Logger.getLogger(name);
            before.put(name, logger.getLevel());
            logger.setLevel(level);
            logger.addHandler(capture);
        });
    }

    public static OperatorLogs capture() {
        return new OperatorLogs();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        LOGGERS.keySet().forEach(name -> {
            Logger.getLogger(name).removeHandler(capture);
            Logger.getLogger(name).setLevel(before.get(name));
        });
    }
}

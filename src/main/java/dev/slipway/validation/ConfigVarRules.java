package dev.slipway.validation;

import dev.slipway.model.ConfigVars;
import dev.slipway.model.Slipway;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** The same checks the CRD schema makes on config and envFrom, for servers that did not make them. */
final class ConfigVarRules {
    private static final Pattern NAME = Pattern.compile(ConfigVars.NAME_PATTERN);

    private ConfigVarRules() {
    }

    static void check(String field, Map<String, String> config, List<EnvFromSource> envFrom, Consumer<String> problems) {
        if (config != null) {
            if (config.size() > ConfigVars.MAX_VARS) {
                problems.accept(field + ".config has " + config.size() + " vars; at most " + ConfigVars.MAX_VARS + " are allowed");
            }
            long bytes = 0;
            for (Map.Entry<String, String> var : config.entrySet()) {
                String name = var.getKey();
                if (!NAME.matcher(name).matches()) {
                    problems.accept(field + ".config: '" + name + "' is not a valid name: " + ConfigVars.NAME_MESSAGE);
                } else if (name.startsWith(Slipway.RESERVED_ENV_PREFIX)) {
                    problems.accept(field + ".config: '" + name + "': " + ConfigVars.RESERVED_MESSAGE);
                }
                if (var.getValue() == null) {
                    problems.accept(field + ".config: '" + name + "' has no value; give it a string value (\"\" for empty)");
                }
                bytes += name.length() + (var.getValue() == null ? 0 : var.getValue().getBytes(StandardCharsets.UTF_8).length);
            }
            if (bytes > ConfigVars.MAX_CONFIG_BYTES) {
                problems.accept(field + ".config is " + bytes / 1024 + " KiB; at most " + ConfigVars.MAX_CONFIG_BYTES / 1024
                    + " KiB are allowed: move large values into a Secret or ConfigMap and use envFrom");
            }
        }
        if (envFrom != null) {
            if (envFrom.size() > ConfigVars.MAX_ENV_FROM) {
                problems.accept(field + ".envFrom has " + envFrom.size() + " entries; at most " + ConfigVars.MAX_ENV_FROM + " are allowed");
            }
            for (int i = 0; i < envFrom.size(); i++) {
                EnvFromSource source = envFrom.get(i);
                boolean hasRef = source != null && (source.getSecretRef() != null || source.getConfigMapRef() != null);
                if (!hasRef) {
                    problems.accept(field + ".envFrom[" + i + "] names neither a secretRef nor a configMapRef");
                }
            }
        }
    }
}

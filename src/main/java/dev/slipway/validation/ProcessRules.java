package dev.slipway.validation;

import dev.slipway.model.ProcessTemplate;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** The rules on processes the App's formation and a Release's templates share: names that fit a Service, valid ports. */
final class ProcessRules {
    private static final Pattern PROCESS_NAME = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");
    static final int MAX_OBJECT_NAME = 63;

    private ProcessRules() {
    }

    /** @param field where the processes are, e.g. "spec.processes" */
    static void check(String appName, String field, Map<String, ? extends ProcessTemplate> processes, Consumer<String> problems) {
        if (processes == null) {
            return;
        }
        processes.forEach((name, process) -> {
            if (!PROCESS_NAME.matcher(name).matches()) {
                problems.accept("process name '" + name + "' is not a DNS label: use lower case letters, digits and '-', starting with a letter");
            } else if (appName != null && appName.length() + 1 + name.length() > MAX_OBJECT_NAME) {
                problems.accept("'" + appName + "-" + name + "' is longer than 63 characters (it names a Deployment and a Service):"
                    + " shorten the App or the process name");
            }
            if (process != null && process.getPort() != null && (process.getPort() < 1 || process.getPort() > 65535)) {
                problems.accept(field + "." + name + ".port is " + process.getPort() + "; it must be between 1 and 65535");
            }
        });
    }
}

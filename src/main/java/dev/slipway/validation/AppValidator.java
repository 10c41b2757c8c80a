package dev.slipway.validation;

import dev.slipway.model.App;
import dev.slipway.model.AppSpec;
import dev.slipway.model.ProcessSpec;
import dev.slipway.model.RolloutPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What makes an App spec unusable; the operator then leaves its workloads as they are. */
public final class AppValidator {
    private static final Pattern PROCESS_NAME = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");
    private static final int MAX_OBJECT_NAME = 63;

    private AppValidator() {
    }

    public static List<String> problems(App app) {
        List<String> problems = new ArrayList<>();
        AppSpec spec = app.getSpec();
        if (spec == null) {
            problems.add("spec is missing: an App needs at least spec.processes, e.g. {web: {port: 5000}}");
            return problems;
        }
        String appName = app.getMetadata().getName();
        if (appName.length() > MAX_OBJECT_NAME) {
            problems.add("App name '" + appName + "' is longer than 63 characters; it is used as a label value");
        }
        if (spec.getProcesses() != null) {
            for (Map.Entry<String, ProcessSpec> process : spec.getProcesses().entrySet()) {
                checkProcess(appName, process.getKey(), process.getValue(), problems);
            }
        }
        ConfigVarRules.check("spec", spec.getConfig(), spec.getEnvFrom(), problems::add);
        if (spec.getHistoryLimit() != null && spec.getHistoryLimit() < 0) {
            problems.add("spec.historyLimit is " + spec.getHistoryLimit() + "; it must be 0 or more");
        }
        RolloutPolicy rollout = spec.getRollout();
        if (rollout != null && rollout.getProgressDeadlineSeconds() != null && rollout.getProgressDeadlineSeconds() < 10) {
            problems.add("spec.rollout.progressDeadlineSeconds is " + rollout.getProgressDeadlineSeconds() + "; it must be at least 10");
        }
        return problems;
    }

    private static void checkProcess(String appName, String name, ProcessSpec process, List<String> problems) {
        String field = "spec.processes." + name;
        if (!PROCESS_NAME.matcher(name).matches()) {
            problems.add("process name '" + name + "' is not a DNS label: use lower case letters, digits and '-', starting with a letter");
        } else if (appName.length() + 1 + name.length() > MAX_OBJECT_NAME) {
            problems.add("'" + appName + "-" + name + "' is longer than 63 characters (it names a Deployment and a Service):"
                + " shorten the App or the process name");
        }
        if (process == null) {
            return;
        }
        if (process.getReplicas() != null && process.getReplicas() < 0) {
            problems.add(field + ".replicas is " + process.getReplicas() + "; it must be 0 or more");
        }
        if (process.getPort() != null && (process.getPort() < 1 || process.getPort() > 65535)) {
            problems.add(field + ".port is " + process.getPort() + "; it must be between 1 and 65535");
        }
    }
}

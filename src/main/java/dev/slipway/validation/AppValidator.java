package dev.slipway.validation;

import dev.slipway.model.App;
import dev.slipway.model.AppSpec;
import dev.slipway.model.RolloutPolicy;
import java.util.ArrayList;
import java.util.List;

/** What makes an App spec unusable; the operator then leaves its workloads as they are. */
public final class AppValidator {

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
        if (appName.length() > ProcessRules.MAX_OBJECT_NAME) {
            problems.add("App name '" + appName + "' is longer than 63 characters; it is used as a label value");
        }
        ProcessRules.check(appName, "spec.processes", spec.getProcesses(), problems::add);
        if (spec.getProcesses() != null) {
            spec.getProcesses().forEach((name, process) -> {
                if (process != null && process.getReplicas() != null && process.getReplicas() < 0) {
                    problems.add("spec.processes." + name + ".replicas is " + process.getReplicas() + "; it must be 0 or more");
                }
            });
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
}

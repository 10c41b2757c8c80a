package dev.slipway.desired;

import dev.slipway.model.App;
import dev.slipway.model.Slipway;
import java.util.LinkedHashMap;
import java.util.Map;

/** Names and labels of the objects a process runs as. */
public final class WorkloadNames {
    private WorkloadNames() {
    }

    public static String objectName(App app, String process) {
        return app.getMetadata().getName() + "-" + process;
    }

    /** Labels on Deployments and Services; also the selector, so they never change for a process. */
    public static Map<String, String> labels(App app, String process) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Slipway.LABEL_NAME, app.getMetadata().getName());
        labels.put(Slipway.LABEL_COMPONENT, process);
        labels.put(Slipway.LABEL_MANAGED_BY, Slipway.MANAGED_BY);
        labels.putAll(selector(app, process));
        return labels;
    }

    public static Map<String, String> selector(App app, String process) {
        Map<String, String> selector = new LinkedHashMap<>();
        selector.put(Slipway.LABEL_APP, app.getMetadata().getName());
        selector.put(Slipway.LABEL_PROCESS, process);
        return selector;
    }
}

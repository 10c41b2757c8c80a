package dev.slipway.desired;

import dev.slipway.model.App;
import dev.slipway.model.ProcessSpec;
import dev.slipway.model.ProcessTemplate;
import dev.slipway.model.Release;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The processes an App runs for a release: the release's processes with its templates, and the replicas the App
 * gives them. A release numbered before releases carried templates runs the App's processes as they are.
 */
public final class Formation {
    /** The process that gets a pod when the App does not scale it, as on Heroku. */
    public static final String WEB = "web";

    private Formation() {
    }

    /** By process name, in the release's order. */
    public static Map<String, ProcessSpec> of(App app, Release release) {
        Map<String, ProcessSpec> scaled = app.getSpec().getProcesses() == null ? Map.of() : app.getSpec().getProcesses();
        Map<String, ProcessTemplate> templates = release.getSpec().getProcesses();
        Map<String, ProcessSpec> formation = new LinkedHashMap<>();
        if (templates == null) {
            // `web: {}` and `web:` (null) both mean a process with nothing but defaults.
            scaled.forEach((name, process) -> formation.put(name, Objects.requireNonNullElseGet(process, ProcessSpec::new)));
            return formation;
        }
        templates.forEach((name, template) -> formation.put(name, ProcessSpec.of(template,
            scaled.containsKey(name) ? replicasOf(scaled.get(name)) : defaultReplicas(name))));
        return formation;
    }

    /** The templates the release runs with: its own, or the App's for a release that has none. */
    public static Map<String, ProcessTemplate> templates(App app, Release release) {
        Map<String, ProcessTemplate> templates = new LinkedHashMap<>();
        of(app, release).forEach((name, process) -> templates.put(name, ProcessTemplate.of(process)));
        return templates;
    }

    /**
     * Replicas of a process the release has and the App does not scale (a rollback to a release with a process since
     * removed, a release made with its own templates): Heroku's default formation, one web pod and no other.
     */
    static Integer defaultReplicas(String process) {
        return WEB.equals(process) ? 1 : 0;
    }

    private static Integer replicasOf(ProcessSpec process) {
        return process == null ? null : process.getReplicas();
    }
}

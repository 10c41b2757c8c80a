package dev.slipway.cli;

import dev.slipway.model.ProcessStatus;
import dev.slipway.model.ReleasePhase;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one poll saw of a release being followed: its label (v10, or its name before the operator numbers it), its
 * phase, and while it deploys the pod counts of each process (App.status.processes, read from the Deployments).
 */
record RolloutState(String release, ReleasePhase phase, Map<String, ProcessStatus> processes) {
    RolloutState {
        processes = processes == null ? Map.of() : new TreeMap<>(processes);
    }

    /** "v10 Deploying: web 1/0/2, worker 1/1/1 updated/ready/desired". */
    String describe() {
        StringBuilder text = new StringBuilder(release).append(' ').append(phase);
        if (!processes.isEmpty()) {
            text.append(": ");
            processes.forEach((name, counts) -> text.append(name).append(' ').append(count(counts.getUpdated())).append('/')
                .append(count(counts.getReady())).append('/').append(count(counts.getDesired())).append(", "));
            text.setLength(text.length() - 2);
            text.append(" updated/ready/desired");
        }
        return text.toString();
    }

    private static int count(Integer value) {
        return value == null ? 0 : value;
    }
}

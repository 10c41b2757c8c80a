package dev.slipway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class AppStatus implements HasConditions {
    @JsonPropertyDescription("The metadata.generation this status describes.")
    private Long observedGeneration;
    @JsonPropertyDescription("The release that runs: the last one whose rollout completed.")
    private ReleaseRef activeRelease;
    @JsonPropertyDescription("Highest version ever assigned to a release of this App; versions are never reused, even after pruning.")
    private Long latestVersion;
    @JsonPropertyDescription("Pod counts per process.")
    private Map<String, ProcessStatus> processes;
    @JsonPropertyDescription("Digest of the spec.config and spec.envFrom the operator last acted on; a change of the spec creates a Config release.")
    private String appliedConfigDigest;
    @JsonPropertyDescription("Digest of the process templates of spec.processes (all but replicas) the operator last acted on; a change of the spec creates a Processes release.")
    private String appliedProcessesDigest;
    @JsonPropertyDescription("Ready, Reconciling and Stalled conditions (kstatus), ConfigInSync and ProcessesInSync.")
    private List<Condition> conditions = new ArrayList<>();

    public Long getObservedGeneration() { return observedGeneration; }
    public void setObservedGeneration(Long observedGeneration) { this.observedGeneration = observedGeneration; }
    public ReleaseRef getActiveRelease() { return activeRelease; }
    public void setActiveRelease(ReleaseRef activeRelease) { this.activeRelease = activeRelease; }
    public Long getLatestVersion() { return latestVersion; }
    public void setLatestVersion(Long latestVersion) { this.latestVersion = latestVersion; }
    public Map<String, ProcessStatus> getProcesses() { return processes; }
    public void setProcesses(Map<String, ProcessStatus> processes) { this.processes = processes; }
    public String getAppliedConfigDigest() { return appliedConfigDigest; }
    public void setAppliedConfigDigest(String appliedConfigDigest) { this.appliedConfigDigest = appliedConfigDigest; }
    public String getAppliedProcessesDigest() { return appliedProcessesDigest; }
    public void setAppliedProcessesDigest(String appliedProcessesDigest) { this.appliedProcessesDigest = appliedProcessesDigest; }
    @Override
    public List<Condition> getConditions() { return conditions; }
    @Override
    public void setConditions(List<Condition> conditions) { this.conditions = conditions; }

    /** Equal when every field is: what the API server would store is the same, so the status needs no write. */
    @Override
    public boolean equals(Object o) {
        return o instanceof AppStatus other
            && Objects.equals(observedGeneration, other.observedGeneration)
            && Objects.equals(activeRelease, other.activeRelease)
            && Objects.equals(latestVersion, other.latestVersion)
            && Objects.equals(processes, other.processes)
            && Objects.equals(appliedConfigDigest, other.appliedConfigDigest)
            && Objects.equals(appliedProcessesDigest, other.appliedProcessesDigest)
            && Objects.equals(conditions, other.conditions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(observedGeneration, activeRelease, latestVersion, processes, appliedConfigDigest, appliedProcessesDigest, conditions);
    }
}

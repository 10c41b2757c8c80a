package dev.slipway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.slipway.model.schema.Bounds;
import dev.slipway.model.schema.EnvFromSchema;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import java.util.List;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class AppSpec {
    public static final int DEFAULT_HISTORY_LIMIT = 10;
    public static final String PROCESS_NAME_RULE = "self.all(p, p.matches('^[a-z]([-a-z0-9]*[a-z0-9])?$'))";
    public static final String PROCESS_NAME_MESSAGE = "process names must be DNS labels: lower case letters, digits and '-',"
        + " starting with a letter and not ending with '-' (e.g. web, worker, release-phase)";
    public static final int MAX_PROCESSES = 32;

    @JsonPropertyDescription("The formation: one Deployment <app>-<process> per entry. Process names are DNS labels (lower case letters, digits and '-'). replicas is applied live; a change of anything else (a template) or a process added or removed creates a release (cause Processes).")
    @Size(max = MAX_PROCESSES)
    @ValidationRule(value = PROCESS_NAME_RULE, message = PROCESS_NAME_MESSAGE)
    private Map<String, ProcessSpec> processes;

    @JsonPropertyDescription("Config vars. A change creates a release of the running build with the new config (cause Config).")
    @Size(max = ConfigVars.MAX_VARS)
    @ValidationRule(value = ConfigVars.NAME_RULE, message = ConfigVars.NAME_MESSAGE)
    @ValidationRule(value = ConfigVars.RESERVED_RULE, message = ConfigVars.RESERVED_MESSAGE)
    private Map<String, @Size(max = ConfigVars.MAX_CONFIG_BYTES) String> config;

    @JsonPropertyDescription("Env sources (Secrets, ConfigMaps) copied into new releases, like config.")
    @Size(max = ConfigVars.MAX_ENV_FROM)
    @SchemaFrom(type = EnvFromSchema[].class)
    private List<EnvFromSource> envFrom;

    @JsonPropertyDescription("Pin: the release that runs, as a version (\"v12\" or \"12\") or a Release name. Absent: the newest release runs. Newer releases wait until the pin changes.")
    @Pattern(Bounds.RELEASE_REF_PATTERN)
    @Size(max = Bounds.NAME)
    private String release;

    @JsonPropertyDescription("How many inactive releases are kept; older ones are pruned. The active release is never pruned.")
    @Default("10")
    @Min(0)
    @Max(1000)
    private Integer historyLimit;

    @JsonPropertyDescription("Rollout policy of new releases.")
    private RolloutPolicy rollout;

    @JsonPropertyDescription("Optional pod settings for every process: service account, pull secrets, scheduling, extra labels/annotations, security context.")
    private PodTemplateOverrides podTemplate;

    @JsonPropertyDescription("Copy the Secrets and ConfigMaps envFrom names into immutable snapshots owned by each release at numbering, so a release runs the values it was made with: a change of a source's data creates a release (cause Config), and a rollback restores the values of its target. Needs the env-snapshots RBAC component (docs/operations.md). Default false.")
    private Boolean snapshotEnvFrom;

    public Map<String, ProcessSpec> getProcesses() { return processes; }
    public void setProcesses(Map<String, ProcessSpec> processes) { this.processes = processes; }
    public Map<String, String> getConfig() { return config; }
    public void setConfig(Map<String, String> config) { this.config = config; }
    public List<EnvFromSource> getEnvFrom() { return envFrom; }
    public void setEnvFrom(List<EnvFromSource> envFrom) { this.envFrom = envFrom; }
    public String getRelease() { return release; }
    public void setRelease(String release) { this.release = release; }
    public Integer getHistoryLimit() { return historyLimit; }
    public void setHistoryLimit(Integer historyLimit) { this.historyLimit = historyLimit; }
    public RolloutPolicy getRollout() { return rollout; }
    public void setRollout(RolloutPolicy rollout) { this.rollout = rollout; }
    public PodTemplateOverrides getPodTemplate() { return podTemplate; }
    public void setPodTemplate(PodTemplateOverrides podTemplate) { this.podTemplate = podTemplate; }
    public Boolean getSnapshotEnvFrom() { return snapshotEnvFrom; }
    public void setSnapshotEnvFrom(Boolean snapshotEnvFrom) { this.snapshotEnvFrom = snapshotEnvFrom; }
}

package dev.slipway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.slipway.model.schema.EnvFromSchema;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import java.util.List;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = ReleaseSpec.NAME_LENGTH_RULE,
    message = "<app>-<process> must be at most 63 characters (it names a Deployment and a Service): shorten the process name")
public class ReleaseSpec {
    /** {@code <app>-<process>} names a Service, as on the App. */
    public static final String NAME_LENGTH_RULE = "!has(self.processes) || self.processes.all(p, size(self.app) + size(p) < 63)";

    @JsonPropertyDescription("Name of the App this release belongs to (same namespace).")
    @Required
    @Size(min = 1, max = 63)
    @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
    private String app;

    @JsonPropertyDescription("The build: an image reference by tag or digest, e.g. registry.example/shop/myapp@sha256:...")
    @Required
    @Size(min = 1, max = 1024)
    @Pattern("^[^\\s]+$")
    private String image;

    @JsonPropertyDescription("Build metadata shown in the history.")
    private ReleaseSource source;

    @JsonPropertyDescription("Config vars of this release. Absent: the release inherits the config that runs now (filled in by the operator before numbering).")
    @Size(max = ConfigVars.MAX_VARS)
    @ValidationRule(value = ConfigVars.NAME_RULE, message = ConfigVars.NAME_MESSAGE)
    @ValidationRule(value = ConfigVars.RESERVED_RULE, message = ConfigVars.RESERVED_MESSAGE)
    private Map<String, @Size(max = ConfigVars.MAX_CONFIG_BYTES) String> config;

    @JsonPropertyDescription("Env sources (Secrets, ConfigMaps) of this release. Absent: inherited like config.")
    @Size(max = ConfigVars.MAX_ENV_FROM)
    @SchemaFrom(type = EnvFromSchema[].class)
    private List<EnvFromSource> envFrom;

    @JsonPropertyDescription("Process templates of this release: how each process runs (command, args, port, resources, probes), without replicas, which stay on the App. The processes that run are these. Absent: inherited from App.spec.processes (filled in by the operator before numbering).")
    @Size(max = AppSpec.MAX_PROCESSES)
    @ValidationRule(value = AppSpec.PROCESS_NAME_RULE, message = AppSpec.PROCESS_NAME_MESSAGE)
    private Map<String, ProcessTemplate> processes;

    @JsonPropertyDescription("false: a staged release, numbered but never run by itself; run it with a Promotion (kubectl slipway promote vN) or a pin. Absent or true: it runs once it is the newest release.")
    private Boolean promote;

    @JsonPropertyDescription("What changed, shown in the history. The operator writes one when absent, e.g. \"Deploy 6d58b1ce\".")
    @Size(max = 1024)
    private String description;

    @JsonPropertyDescription("Why this release exists: Deploy, Config, Processes, Rollback, AutoRollback or Promote. Set by the operator on releases it creates; absent means Deploy.")
    private Cause cause;

    @JsonPropertyDescription("For Rollback, AutoRollback and Promote releases: the version that was copied. Set by the operator.")
    @Min(1)
    private Long rollbackOf;

    @JsonPropertyDescription("The snapshots of the Secrets and ConfigMaps envFrom names, made at numbering when the App sets snapshotEnvFrom, or those of the release a rollback copies; the Deployments read these instead of the live objects. Set by the operator.")
    @Size(max = ConfigVars.MAX_ENV_FROM)
    private List<EnvSnapshot> envSnapshots;

    public String getApp() { return app; }
    public void setApp(String app) { this.app = app; }
    public String getImage() { return image; }
    public void setImage(String image) { this.image = image; }
    public ReleaseSource getSource() { return source; }
    public void setSource(ReleaseSource source) { this.source = source; }
    public Map<String, String> getConfig() { return config; }
    public void setConfig(Map<String, String> config) { this.config = config; }
    public List<EnvFromSource> getEnvFrom() { return envFrom; }
    public void setEnvFrom(List<EnvFromSource> envFrom) { this.envFrom = envFrom; }
    public Map<String, ProcessTemplate> getProcesses() { return processes; }
    public void setProcesses(Map<String, ProcessTemplate> processes) { this.processes = processes; }
    public Boolean getPromote() { return promote; }
    public void setPromote(Boolean promote) { this.promote = promote; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Cause getCause() { return cause; }
    public void setCause(Cause cause) { this.cause = cause; }
    public Long getRollbackOf() { return rollbackOf; }
    public void setRollbackOf(Long rollbackOf) { this.rollbackOf = rollbackOf; }
    public List<EnvSnapshot> getEnvSnapshots() { return envSnapshots; }
    public void setEnvSnapshots(List<EnvSnapshot> envSnapshots) { this.envSnapshots = envSnapshots; }
}

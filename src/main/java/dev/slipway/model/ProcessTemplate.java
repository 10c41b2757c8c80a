package dev.slipway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.slipway.model.schema.Bounds;
import dev.slipway.model.schema.ProbeSchema;
import dev.slipway.model.schema.ResourcesSchema;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.List;

/**
 * How a process runs, everything of it but its replicas: part of a release (a Release's spec.processes), while
 * replicas stay live on the App ({@link ProcessSpec}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProcessTemplate {
    @JsonPropertyDescription("Overrides the image entrypoint, e.g. [\"bin/web\"].")
    @Size(max = 64)
    private List<@Size(max = Bounds.ARGUMENT) String> command;

    @JsonPropertyDescription("Arguments to the command.")
    @Size(max = 256)
    private List<@Size(max = Bounds.ARGUMENT) String> args;

    @JsonPropertyDescription("Port the process listens on. When set the container exposes it and a ClusterIP Service <app>-<process> is created.")
    @Min(1)
    @Max(Bounds.PORT_MAX)
    private Integer port;

    @JsonPropertyDescription("Compute resources of the container (core/v1 ResourceRequirements).")
    @SchemaFrom(type = ResourcesSchema.class)
    private ResourceRequirements resources;

    @JsonPropertyDescription("Readiness probe of the container (core/v1 Probe).")
    @SchemaFrom(type = ProbeSchema.class)
    private Probe readinessProbe;

    @JsonPropertyDescription("Liveness probe of the container (core/v1 Probe).")
    @SchemaFrom(type = ProbeSchema.class)
    private Probe livenessProbe;

    public List<String> getCommand() { return command; }
    public void setCommand(List<String> command) { this.command = command; }
    public List<String> getArgs() { return args; }
    public void setArgs(List<String> args) { this.args = args; }
    public Integer getPort() { return port; }
    public void setPort(Integer port) { this.port = port; }
    public ResourceRequirements getResources() { return resources; }
    public void setResources(ResourceRequirements resources) { this.resources = resources; }
    public Probe getReadinessProbe() { return readinessProbe; }
    public void setReadinessProbe(Probe readinessProbe) { this.readinessProbe = readinessProbe; }
    public Probe getLivenessProbe() { return livenessProbe; }
    public void setLivenessProbe(Probe livenessProbe) { this.livenessProbe = livenessProbe; }

    /** Copies the template fields of {@code from} into this (not replicas). */
    protected void copyTemplate(ProcessTemplate from) {
        command = from.command;
        args = from.args;
        port = from.port;
        resources = from.resources;
        readinessProbe = from.readinessProbe;
        livenessProbe = from.livenessProbe;
    }

    /** The template of a process: {@code process} without replicas; {@code null} (a process written {@code web:}) is empty. */
    public static ProcessTemplate of(ProcessTemplate process) {
        ProcessTemplate template = new ProcessTemplate();
        if (process != null) {
            template.copyTemplate(process);
        }
        return template;
    }
}

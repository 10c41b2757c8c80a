package dev.slipway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class RollbackStatus implements HasConditions {
    @JsonPropertyDescription("The metadata.generation this status describes.")
    private Long observedGeneration;
    @JsonPropertyDescription("Pending, Succeeded or Failed.")
    private RollbackPhase phase;
    @JsonPropertyDescription("Name of the release the operator created.")
    private String release;
    @JsonPropertyDescription("Version that was active when the rollback was made.")
    private Long from;
    @JsonPropertyDescription("Version that was copied.")
    private Long to;
    @JsonPropertyDescription("What happened, e.g. \"Rolled back to v3 as v10\", or why the rollback was refused.")
    private String message;
    @JsonPropertyDescription("Ready, Reconciling and Stalled conditions (kstatus).")
    private List<Condition> conditions = new ArrayList<>();

    @Override
    public Long getObservedGeneration() { return observedGeneration; }
    @Override
    public void setObservedGeneration(Long observedGeneration) { this.observedGeneration = observedGeneration; }
    public RollbackPhase getPhase() { return phase; }
    public void setPhase(RollbackPhase phase) { this.phase = phase; }
    public String getRelease() { return release; }
    public void setRelease(String release) { this.release = release; }
    public Long getFrom() { return from; }
    public void setFrom(Long from) { this.from = from; }
    public Long getTo() { return to; }
    public void setTo(Long to) { this.to = to; }
    public String getMessage() { return message; }
    public void setMessage(String message) { this.message = message; }
    @Override
    public List<Condition> getConditions() { return conditions; }
    @Override
    public void setConditions(List<Condition> conditions) { this.conditions = conditions; }
}

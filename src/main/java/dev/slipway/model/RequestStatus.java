package dev.slipway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** The status of a one-shot request (Rollback, Promotion): carried out once, or refused. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RequestStatus implements HasConditions {
    @JsonPropertyDescription("The metadata.generation this status describes.")
    private Long observedGeneration;
    @JsonPropertyDescription("Pending, Succeeded or Failed.")
    private RequestPhase phase;
    @JsonPropertyDescription("Name of the release the request made run: the release the operator created, or the staged release a Promotion ran as it is.")
    private String release;
    @JsonPropertyDescription("What happened, e.g. \"Rolled back to v3 as v10\", or why the request was refused.")
    private String message;
    @JsonPropertyDescription("Ready, Reconciling and Stalled conditions (kstatus).")
    private List<Condition> conditions = new ArrayList<>();

    @Override
    public Long getObservedGeneration() { return observedGeneration; }
    @Override
    public void setObservedGeneration(Long observedGeneration) { this.observedGeneration = observedGeneration; }
    public RequestPhase getPhase() { return phase; }
    public void setPhase(RequestPhase phase) { this.phase = phase; }
    public String getRelease() { return release; }
    public void setRelease(String release) { this.release = release; }
    public String getMessage() { return message; }
    public void setMessage(String message) { this.message = message; }
    @Override
    public List<Condition> getConditions() { return conditions; }
    @Override
    public void setConditions(List<Condition> conditions) { this.conditions = conditions; }
}

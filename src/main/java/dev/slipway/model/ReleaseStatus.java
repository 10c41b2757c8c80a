package dev.slipway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ReleaseStatus implements HasConditions {
    @JsonPropertyDescription("The metadata.generation this status describes.")
    private Long observedGeneration;
    @JsonPropertyDescription("Version assigned once by the operator: sequential and unique per App, never reused.")
    private Long version;
    @JsonPropertyDescription("Pending, Waiting, Deploying, Active, Superseded or Failed.")
    private ReleasePhase phase;
    @JsonPropertyDescription("Human sentence for the phase.")
    private String message;
    @JsonPropertyDescription("When the release last became Active.")
    private String deployedAt;
    @JsonPropertyDescription("When another release replaced it.")
    private String supersededAt;
    @JsonPropertyDescription("When a Promotion made this staged release run (its spec cannot record it: a numbered release is immutable).")
    private String promotedAt;
    @JsonPropertyDescription("Name of the Promotion that made this staged release run.")
    private String promotedBy;
    @JsonPropertyDescription("Uid of that Promotion, so that it is carried out exactly once.")
    private String promotedByUid;
    @JsonPropertyDescription("The metadata.generation the release was numbered at; a later spec change makes the release Failed.")
    private Long numberedGeneration;
    @JsonPropertyDescription("Ready, Reconciling and Stalled conditions (kstatus).")
    private List<Condition> conditions = new ArrayList<>();

    @Override
    public Long getObservedGeneration() { return observedGeneration; }
    @Override
    public void setObservedGeneration(Long observedGeneration) { this.observedGeneration = observedGeneration; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public ReleasePhase getPhase() { return phase; }
    public void setPhase(ReleasePhase phase) { this.phase = phase; }
    public String getMessage() { return message; }
    public void setMessage(String message) { this.message = message; }
    public String getDeployedAt() { return deployedAt; }
    public void setDeployedAt(String deployedAt) { this.deployedAt = deployedAt; }
    public String getSupersededAt() { return supersededAt; }
    public void setSupersededAt(String supersededAt) { this.supersededAt = supersededAt; }
    public String getPromotedAt() { return promotedAt; }
    public void setPromotedAt(String promotedAt) { this.promotedAt = promotedAt; }
    public String getPromotedBy() { return promotedBy; }
    public void setPromotedBy(String promotedBy) { this.promotedBy = promotedBy; }
    public String getPromotedByUid() { return promotedByUid; }
    public void setPromotedByUid(String promotedByUid) { this.promotedByUid = promotedByUid; }
    public Long getNumberedGeneration() { return numberedGeneration; }
    public void setNumberedGeneration(Long numberedGeneration) { this.numberedGeneration = numberedGeneration; }
    @Override
    public List<Condition> getConditions() { return conditions; }
    @Override
    public void setConditions(List<Condition> conditions) { this.conditions = conditions; }

    /** Equal when every field is: what the API server would store is the same, so the status needs no write. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ReleaseStatus other
            && Objects.equals(observedGeneration, other.observedGeneration)
            && Objects.equals(version, other.version)
            && Objects.equals(phase, other.phase)
            && Objects.equals(message, other.message)
            && Objects.equals(deployedAt, other.deployedAt)
            && Objects.equals(supersededAt, other.supersededAt)
            && Objects.equals(promotedAt, other.promotedAt)
            && Objects.equals(promotedBy, other.promotedBy)
            && Objects.equals(promotedByUid, other.promotedByUid)
            && Objects.equals(numberedGeneration, other.numberedGeneration)
            && Objects.equals(conditions, other.conditions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(observedGeneration, version, phase, message, deployedAt, supersededAt, promotedAt, promotedBy, promotedByUid, numberedGeneration, conditions);
    }
}

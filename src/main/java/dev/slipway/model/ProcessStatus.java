package dev.slipway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Pod counts of one process, read from its Deployment. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProcessStatus {
    @JsonPropertyDescription("Pods the Deployment wants.")
    private Integer desired;
    @JsonPropertyDescription("Pods that are ready.")
    private Integer ready;
    @JsonPropertyDescription("Pods that run the newest pod template.")
    private Integer updated;

    public ProcessStatus() {
    }

    public ProcessStatus(Integer desired, Integer ready, Integer updated) {
        this.desired = desired;
        this.ready = ready;
        this.updated = updated;
    }

    public Integer getDesired() { return desired; }
    public void setDesired(Integer desired) { this.desired = desired; }
    public Integer getReady() { return ready; }
    public void setReady(Integer ready) { this.ready = ready; }
    public Integer getUpdated() { return updated; }
    public void setUpdated(Integer updated) { this.updated = updated; }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProcessStatus other && Objects.equals(desired, other.desired)
            && Objects.equals(ready, other.ready) && Objects.equals(updated, other.updated);
    }

    @Override
    public int hashCode() {
        return Objects.hash(desired, ready, updated);
    }
}

package dev.slipway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class RollbackStatus extends RequestStatus {
    @JsonPropertyDescription("Version that was active when the rollback was made.")
    private Long from;
    @JsonPropertyDescription("Version that was copied.")
    private Long to;

    public Long getFrom() { return from; }
    public void setFrom(Long from) { this.from = from; }
    public Long getTo() { return to; }
    public void setTo(Long to) { this.to = to; }
}

package dev.slipway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class RolloutPolicy {
    public static final int DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;

    @JsonPropertyDescription("Seconds a rollout may make no progress before the release is marked Failed (the Deployments' progressDeadlineSeconds).")
    @Default("600")
    @Min(10)
    @Max(86400)
    private Integer progressDeadlineSeconds;

    @JsonPropertyDescription("Roll back automatically to the last release that was Active when a release fails to roll out.")
    @Default("true")
    private Boolean autoRollback;

    public Integer getProgressDeadlineSeconds() { return progressDeadlineSeconds; }
    public void setProgressDeadlineSeconds(Integer progressDeadlineSeconds) { this.progressDeadlineSeconds = progressDeadlineSeconds; }
    public Boolean getAutoRollback() { return autoRollback; }
    public void setAutoRollback(Boolean autoRollback) { this.autoRollback = autoRollback; }
}

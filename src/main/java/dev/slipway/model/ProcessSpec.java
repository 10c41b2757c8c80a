package dev.slipway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.slipway.model.schema.Bounds;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** One entry of the formation: runs as the Deployment {@code <app>-<process>}; its template plus replicas. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProcessSpec extends ProcessTemplate {
    @JsonPropertyDescription("Number of pods. When absent the operator leaves spec.replicas of the Deployment alone, so an HPA can own it.")
    @Min(0)
    @Max(Bounds.INT32_MAX)
    private Integer replicas;

    public Integer getReplicas() { return replicas; }
    public void setReplicas(Integer replicas) { this.replicas = replicas; }

    /** A process running {@code template} with {@code replicas} (null: left alone). */
    public static ProcessSpec of(ProcessTemplate template, Integer replicas) {
        ProcessSpec process = new ProcessSpec();
        if (template != null) {
            process.copyTemplate(template);
        }
        process.replicas = replicas;
        return process;
    }
}

package dev.slipway.model.schema;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** CRD schemas of the small core/v1 types of the pod settings (the Java model keeps Fabric8's). Schema only. */
public final class PodSchemas {
    private PodSchemas() {
    }

    /** A LocalObjectReference: here the name of an image pull Secret. */
    public static class SecretName {
        @JsonPropertyDescription("Name of the Secret (same namespace).")
        @Size(max = Bounds.NAME)
        public String name;
    }

    /** A Toleration. */
    public static class Toleration {
        @JsonPropertyDescription("Taint key to tolerate; empty with operator Exists tolerates every taint.")
        @Size(max = Bounds.QUALIFIED_NAME)
        public String key;
        @JsonPropertyDescription("Exists or Equal (default Equal).")
        @Size(max = 6)
        @Pattern("^(Exists|Equal)?$")
        public String operator;
        @JsonPropertyDescription("Taint value to tolerate (operator Equal).")
        @Size(max = Bounds.LABEL)
        public String value;
        @JsonPropertyDescription("NoSchedule, PreferNoSchedule or NoExecute; empty tolerates every effect.")
        @Size(max = 16)
        @Pattern("^(NoSchedule|PreferNoSchedule|NoExecute)?$")
        public String effect;
        @JsonPropertyDescription("With NoExecute: seconds the pod stays bound after the taint appears.")
        public Long tolerationSeconds;
    }
}

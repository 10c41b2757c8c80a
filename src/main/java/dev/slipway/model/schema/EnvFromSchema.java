package dev.slipway.model.schema;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** The CRD schema of a core/v1 EnvFromSource (the Java model keeps Fabric8's type). Schema only, never instantiated. */
public class EnvFromSchema {
    @JsonPropertyDescription("ConfigMap whose keys become env vars.")
    public Ref configMapRef;
    @JsonPropertyDescription("Secret whose keys become env vars.")
    public Ref secretRef;
    @JsonPropertyDescription("Prefix put before every var name from this source.")
    @Size(max = Bounds.NAME)
    public String prefix;

    public static class Ref {
        @JsonPropertyDescription("Name of the ConfigMap or Secret (same namespace).")
        @Size(max = Bounds.NAME)
        public String name;
        @JsonPropertyDescription("Start the container even when it does not exist.")
        public Boolean optional;
    }
}

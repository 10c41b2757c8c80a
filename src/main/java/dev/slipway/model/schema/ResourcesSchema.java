package dev.slipway.model.schema;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.List;
import java.util.Map;

/**
 * The CRD schema of core/v1 ResourceRequirements (the Java model keeps Fabric8's type). Quantities are
 * int-or-string ({@code cpu: 1} is as valid as {@code cpu: 500m}); their pattern is in {@link IntOrStringFields}.
 * Schema only, never instantiated.
 */
public class ResourcesSchema {
    @JsonPropertyDescription("Most of each resource the container may use, e.g. {cpu: \"1\", memory: 512Mi}.")
    @Size(max = Bounds.ITEMS)
    public Map<String, IntOrString> limits;
    @JsonPropertyDescription("Resources reserved for the container when it is scheduled, e.g. {cpu: 100m, memory: 128Mi}.")
    @Size(max = Bounds.ITEMS)
    public Map<String, IntOrString> requests;
    @JsonPropertyDescription("Dynamic resource claims of the pod the container uses.")
    @Size(max = 16)
    public List<Claim> claims;

    public static class Claim {
        @JsonPropertyDescription("Name of a resource claim of the pod.")
        @Size(max = Bounds.LABEL)
        public String name;
        @JsonPropertyDescription("Name of a request within that claim.")
        @Size(max = Bounds.LABEL)
        public String request;
    }
}

package dev.slipway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.slipway.model.schema.Bounds;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/**
 * One Secret or ConfigMap that a release's envFrom names, as copied when the release was numbered: the immutable copy
 * the Deployments read instead of the live object. Names only: the values stay in the copy.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EnvSnapshot {
    public static final String SECRET = "Secret";
    public static final String CONFIG_MAP = "ConfigMap";

    @JsonPropertyDescription("Secret or ConfigMap: the kind of the source and of its copy.")
    @Required
    @Pattern("^(Secret|ConfigMap)$")
    @Size(max = 16)
    private String kind;

    @JsonPropertyDescription("The object envFrom names (same namespace).")
    @Required
    @Size(max = Bounds.NAME)
    private String source;

    @JsonPropertyDescription("The immutable copy the Deployments read, owned by every release that uses it.")
    @Required
    @Size(max = Bounds.NAME)
    private String name;

    @JsonPropertyDescription("The keys the copy holds, which become env vars (names only, never values).")
    @Size(max = 1024)
    private List<@Size(max = Bounds.NAME) String> keys;

    public EnvSnapshot() {
    }

    public EnvSnapshot(String kind, String source, String name, List<String> keys) {
        this.kind = kind;
        this.source = source;
        this.name = name;
        this.keys = keys;
    }

    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public List<String> getKeys() { return keys; }
    public void setKeys(List<String> keys) { this.keys = keys; }
}

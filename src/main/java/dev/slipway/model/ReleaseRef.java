package dev.slipway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Names a numbered release: {name: myapp-v7, version: 7}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ReleaseRef {
    @JsonPropertyDescription("Name of the Release object.")
    private String name;
    @JsonPropertyDescription("Version of the release.")
    private Long version;

    public ReleaseRef() {
    }

    public ReleaseRef(String name, Long version) {
        this.name = name;
        this.version = version;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReleaseRef other && Objects.equals(name, other.name) && Objects.equals(version, other.version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version);
    }
}

package dev.slipway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.IntOrString;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self == oldSelf",
    message = "a Rollback is a one-shot request: its spec cannot change; create a new Rollback instead")
public class RollbackSpec {
    @JsonPropertyDescription("Name of the App to roll back (same namespace).")
    @Required
    @Size(min = 1, max = 63)
    @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
    private String app;

    @JsonPropertyDescription("The release to roll back to: a version (3 or \"v3\") or a Release name. Absent: the newest release before the active one that did not fail.")
    private IntOrString to;

    @JsonPropertyDescription("Roll back to a release even when it Failed.")
    private Boolean force;

    public String getApp() { return app; }
    public void setApp(String app) { this.app = app; }
    public IntOrString getTo() { return to; }
    public void setTo(IntOrString to) { this.to = to; }
    public Boolean getForce() { return force; }
    public void setForce(Boolean force) { this.force = force; }

    /** The target as users write it: "3", "v3" or a name; null when absent. */
    public String targetText() {
        if (to == null) {
            return null;
        }
        return to.getIntVal() != null ? String.valueOf(to.getIntVal()) : to.getStrVal();
    }
}

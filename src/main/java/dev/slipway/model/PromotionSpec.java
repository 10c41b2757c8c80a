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
    message = "a Promotion is a one-shot request: its spec cannot change; create a new Promotion instead")
public class PromotionSpec {
    @JsonPropertyDescription("Name of the App whose release to promote (same namespace).")
    @Required
    @Size(min = 1, max = 63)
    @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
    private String app;

    @JsonPropertyDescription("The release to run: a version (10 or \"v10\") or a Release name.")
    @Required
    private IntOrString release;

    @JsonPropertyDescription("Promote a release even when it Failed.")
    private Boolean force;

    public String getApp() { return app; }
    public void setApp(String app) { this.app = app; }
    public IntOrString getRelease() { return release; }
    public void setRelease(IntOrString release) { this.release = release; }
    public Boolean getForce() { return force; }
    public void setForce(Boolean force) { this.force = force; }

    /** The target as users write it: "10", "v10" or a name; null when absent. */
    public String targetText() {
        if (release == null) {
            return null;
        }
        return release.getIntVal() != null ? String.valueOf(release.getIntVal()) : release.getStrVal();
    }
}

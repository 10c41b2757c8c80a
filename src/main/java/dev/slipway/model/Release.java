package dev.slipway.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.List;

/** One immutable build + config snapshot of an App, numbered v1, v2, … by the operator. */
@Group(Slipway.GROUP)
@Categories(Slipway.CATEGORY)
@Version(Slipway.VERSION)
@Kind("Release")
@Plural("releases")
@Singular("release")
@AdditionalPrinterColumn(name = "VERSION", jsonPath = ".status.version", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "APP", jsonPath = ".spec.app", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "PHASE", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "IMAGE", jsonPath = ".spec.image", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "DESCRIPTION", jsonPath = ".spec.description", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "AGE", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
@ValidationRule(value = ReleaseImmutability.RULE, message = ReleaseImmutability.MESSAGE, reason = "FieldValueForbidden")
@JsonDeserialize(using = TolerantReader.class)
public class Release extends CustomResource<ReleaseSpec, ReleaseStatus> implements Namespaced, ReadProblem {
    @JsonIgnore
    private Unreadable unreadable;
    @JsonIgnore
    private List<String> fieldManagers;

    /**
     * The managers of this release's fields (its managedFields' managers, status writes aside), kept in memory when
     * the informer cache dropped managedFields to save memory; null when managedFields were not dropped.
     */
    @JsonIgnore
    public List<String> getFieldManagers() {
        return fieldManagers;
    }

    @JsonIgnore
    public void setFieldManagers(List<String> fieldManagers) {
        this.fieldManagers = fieldManagers;
    }

    @Override
    public Unreadable getUnreadable() {
        return unreadable != null ? unreadable : UnreadableRecords.find(getMetadata());
    }

    @Override
    public void setUnreadable(Unreadable unreadable) {
        this.unreadable = unreadable;
        UnreadableRecords.record(getMetadata(), unreadable);
    }

    /** Cheap, and consistent with CustomResource's equals, which stays ({@link ObjectHash}). */
    @Override
    public int hashCode() {
        return ObjectHash.of(this);
    }
}

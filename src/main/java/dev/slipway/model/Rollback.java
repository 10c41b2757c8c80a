package dev.slipway.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** A one-shot request: roll App X back to release N, by creating a new release that copies N. */
@Group(Slipway.GROUP)
@Categories(Slipway.CATEGORY)
@Version(Slipway.VERSION)
@Kind("Rollback")
@Plural("rollbacks")
@Singular("rollback")
@AdditionalPrinterColumn(name = "FROM", jsonPath = ".status.from", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "TO", jsonPath = ".status.to", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "RELEASE", jsonPath = ".status.release", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "PHASE", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "AGE", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
@JsonDeserialize(using = TolerantReader.class)
public class Rollback extends CustomResource<RollbackSpec, RollbackStatus> implements Namespaced, OneShot<RollbackStatus> {
    @JsonIgnore
    private Unreadable unreadable;

    @Override
    public String targetApp() {
        return getSpec() == null ? null : getSpec().getApp();
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

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

/** An application: its processes (formation), config vars and rollout policy. */
@Group(Slipway.GROUP)
@Categories(Slipway.CATEGORY)
@Version(Slipway.VERSION)
@Kind("App")
@Plural("apps")
@Singular("app")
@AdditionalPrinterColumn(name = "ACTIVE", jsonPath = ".status.activeRelease.version", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "LATEST", jsonPath = ".status.latestVersion", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "READY", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "AGE", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
@ValidationRule(value = App.NAME_LENGTH_RULE,
    message = "<app>-<process> must be at most 63 characters (it names a Deployment and a Service): shorten the App name or the process name")
@JsonDeserialize(using = TolerantReader.class)
public class App extends CustomResource<AppSpec, AppStatus> implements Namespaced, ReadProblem {
    /** {@code <app>-<process>} names a Service, so it must be a DNS label: at most 63 characters. */
    public static final String NAME_LENGTH_RULE =
        "!has(self.spec.processes) || self.spec.processes.all(p, size(self.metadata.name) + size(p) < 63)";

    @JsonIgnore
    private Unreadable unreadable;

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

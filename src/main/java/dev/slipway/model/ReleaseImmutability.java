package dev.slipway.model;

/**
 * The CEL transition rule that makes a numbered Release immutable. Until status.version is set the
 * spec may change; afterwards it must stay as it is, except that config, envFrom, processes and description may
 * still be filled in once when they were absent (the operator's one-time inheritance).
 * Annotation values must be constant expressions, hence the rule spelled out field by field.
 */
public final class ReleaseImmutability {
    public static final String RULE = "!(has(oldSelf.status) && has(oldSelf.status.version)) || ("
        + "self.spec.app == oldSelf.spec.app"
        + " && self.spec.image == oldSelf.spec.image"
        + " && has(self.spec.source) == has(oldSelf.spec.source)"
        + " && (!has(self.spec.source) || self.spec.source == oldSelf.spec.source)"
        + " && has(self.spec.cause) == has(oldSelf.spec.cause)"
        + " && (!has(self.spec.cause) || self.spec.cause == oldSelf.spec.cause)"
        + " && has(self.spec.rollbackOf) == has(oldSelf.spec.rollbackOf)"
        + " && (!has(self.spec.rollbackOf) || self.spec.rollbackOf == oldSelf.spec.rollbackOf)"
        + " && has(self.spec.promote) == has(oldSelf.spec.promote)"
        + " && (!has(self.spec.promote) || self.spec.promote == oldSelf.spec.promote)"
        + " && (!has(oldSelf.spec.config) || (has(self.spec.config) && self.spec.config == oldSelf.spec.config))"
        + " && (!has(oldSelf.spec.envFrom) || (has(self.spec.envFrom) && self.spec.envFrom == oldSelf.spec.envFrom))"
        + " && (!has(oldSelf.spec.processes) || (has(self.spec.processes) && self.spec.processes == oldSelf.spec.processes))"
        + " && (!has(oldSelf.spec.description) || (has(self.spec.description) && self.spec.description == oldSelf.spec.description))"
        + " && has(self.spec.envSnapshots) == has(oldSelf.spec.envSnapshots)"
        + " && (!has(self.spec.envSnapshots) || self.spec.envSnapshots == oldSelf.spec.envSnapshots)"
        + ")";

    public static final String MESSAGE =
        "a numbered Release is immutable: its spec cannot change once status.version is set; create a new Release instead";

    private ReleaseImmutability() {
    }
}

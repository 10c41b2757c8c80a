package dev.slipway.model;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Objects;

/**
 * The hash code of a Slipway object: its namespace, name and resourceVersion, not Fabric8's hash of the whole object.
 * JOSDK gathers an App's secondary resources into hash sets on every pass (twice: the event source, then the context),
 * which hashed each of its releases whole, metadata, spec and status (7 % of an App pass at 1,200 Apps). Objects that
 * are equal have equal metadata, so the hash stays consistent with {@code equals}; unequal objects that share all
 * three (a copy being edited) only collide.
 */
final class ObjectHash {
    private ObjectHash() {
    }

    static int of(HasMetadata object) {
        ObjectMeta metadata = object.getMetadata();
        return metadata == null ? 0 : Objects.hash(metadata.getNamespace(), metadata.getName(), metadata.getResourceVersion());
    }
}

package dev.slipway.model;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

/**
 * Owner references: how children find their App and how Kubernetes garbage-collects them. Part of the objects'
 * contract like the label keys in {@link Slipway}, and here, in the lowest layer, because every layer that makes
 * an App's children uses it: release (Releases), desired (Deployments, Services) and reconcile (ledgers).
 */
public final class Owners {
    private Owners() {
    }

    /** The App controls its Deployments and Services: deleting the App deletes them. */
    public static OwnerReference controllerReference(HasMetadata owner) {
        return reference(owner, true);
    }

    /** Releases belong to their App for garbage collection, but the App does not "control" them. */
    public static OwnerReference ownerReference(HasMetadata owner) {
        return reference(owner, false);
    }

    public static boolean isOwnedBy(HasMetadata child, HasMetadata owner) {
        return child.getMetadata().getOwnerReferences() != null && child.getMetadata().getOwnerReferences().stream()
            .anyMatch(ref -> owner.getMetadata().getUid().equals(ref.getUid()));
    }

    private static OwnerReference reference(HasMetadata owner, boolean controller) {
        return new OwnerReferenceBuilder()
            .withApiVersion(owner.getApiVersion())
            .withKind(owner.getKind())
            .withName(owner.getMetadata().getName())
            .withUid(owner.getMetadata().getUid())
            .withController(controller)
            .withBlockOwnerDeletion(controller)
            .build();
    }
}

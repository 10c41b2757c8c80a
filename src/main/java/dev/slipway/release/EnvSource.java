package dev.slipway.release;

import dev.slipway.model.EnvSnapshot;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import java.util.ArrayList;
import java.util.List;

/**
 * One Secret or ConfigMap an envFrom list names.
 *
 * @param kind     {@link EnvSnapshot#SECRET} or {@link EnvSnapshot#CONFIG_MAP}
 * @param optional as envFrom says: a missing optional source is skipped, as Kubernetes skips it
 */
public record EnvSource(String kind, String name, boolean optional) {

    /** The sources of {@code envFrom}, in its order; entries that name nothing are left out. */
    public static List<EnvSource> of(List<EnvFromSource> envFrom) {
        List<EnvSource> sources = new ArrayList<>();
        for (EnvFromSource entry : envFrom == null ? List.<EnvFromSource>of() : envFrom) {
            if (entry.getSecretRef() != null && entry.getSecretRef().getName() != null) {
                sources.add(new EnvSource(EnvSnapshot.SECRET, entry.getSecretRef().getName(),
                    Boolean.TRUE.equals(entry.getSecretRef().getOptional())));
            } else if (entry.getConfigMapRef() != null && entry.getConfigMapRef().getName() != null) {
                sources.add(new EnvSource(EnvSnapshot.CONFIG_MAP, entry.getConfigMapRef().getName(),
                    Boolean.TRUE.equals(entry.getConfigMapRef().getOptional())));
            }
        }
        return sources;
    }

    /** "Secret/db-credentials": how caches, snapshots' annotation and messages name it. */
    public String key() {
        return key(kind, name);
    }

    public static String key(String kind, String name) {
        return kind + "/" + name;
    }

    /** "Secret db-credentials", for sentences. */
    public String label() {
        return kind + " " + name;
    }

    /** The snapshot of this source among {@code snapshots}, or null. */
    public EnvSnapshot in(List<EnvSnapshot> snapshots) {
        if (snapshots == null) {
            return null;
        }
        return snapshots.stream().filter(s -> kind.equals(s.getKind()) && name.equals(s.getSource())).findFirst().orElse(null);
    }
}

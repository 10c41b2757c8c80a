package dev.slipway.desired;

import dev.slipway.model.EnvSnapshot;
import dev.slipway.model.Release;
import dev.slipway.release.EnvSource;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The envFrom of a release's containers: as the release says, or, when the release has snapshots, each entry pointing
 * at the snapshot of its source, with prefix and optional kept. A source that was optional and missing when the
 * release was numbered has no snapshot and is left out, as Kubernetes would have skipped it.
 */
public final class SnapshotEnvFrom {
    private SnapshotEnvFrom() {
    }

    public static List<EnvFromSource> of(Release release) {
        List<EnvFromSource> envFrom = release.getSpec().getEnvFrom();
        List<EnvSnapshot> snapshots = release.getSpec().getEnvSnapshots();
        if (envFrom == null || snapshots == null) {
            return envFrom;
        }
        List<EnvFromSource> pointed = new ArrayList<>();
        for (EnvFromSource entry : envFrom) {
            List<EnvSource> named = EnvSource.of(List.of(entry));
            if (named.isEmpty()) {
                pointed.add(entry);
                continue;
            }
            EnvSnapshot copy = named.get(0).in(snapshots);
            if (copy == null) {
                continue;
            }
            EnvFromSourceBuilder builder = new EnvFromSourceBuilder(entry);
            if (entry.getSecretRef() != null) {
                builder.editSecretRef().withName(copy.getName()).endSecretRef();
            } else {
                builder.editConfigMapRef().withName(copy.getName()).endConfigMapRef();
            }
            pointed.add(builder.build());
        }
        return pointed;
    }
}

package dev.slipway.desired;

import dev.slipway.model.App;
import dev.slipway.model.EnvSnapshot;
import dev.slipway.model.Owners;
import dev.slipway.model.Release;
import dev.slipway.model.Slipway;
import dev.slipway.release.EnvSource;
import dev.slipway.release.SourceContent;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.List;
import java.util.Map;

/**
 * The immutable copy of a Secret or ConfigMap that a release's Deployments read: the source's data (a Secret keeps its
 * type), {@code immutable: true}, named by its content ({@link SourceContent#snapshotName}), labelled as Slipway's,
 * annotated with what it copies, and owned by the release that made it; releases that share it add themselves as owners,
 * so Kubernetes deletes it with the last of them.
 */
public final class EnvSnapshotObjects {
    private EnvSnapshotObjects() {
    }

    /** @param source the Secret or ConfigMap as read, with its values */
    public static HasMetadata of(App app, Release owner, HasMetadata source) {
        String name = SourceContent.ofRead(source).snapshotName(app.getMetadata().getName());
        ObjectMeta metadata = new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(app.getMetadata().getNamespace())
            .withLabels(Map.of(Slipway.LABEL_APP, app.getMetadata().getName(), Slipway.LABEL_MANAGED_BY, Slipway.MANAGED_BY,
                Slipway.LABEL_ENV_SNAPSHOT, "true"))
            .withAnnotations(Map.of(Slipway.ANNOTATION_SNAPSHOT_OF, EnvSource.key(source.getKind(), source.getMetadata().getName())))
            .withOwnerReferences(Owners.ownerReference(owner))
            .build();
        if (source instanceof Secret secret) {
            return new SecretBuilder().withMetadata(metadata).withType(secret.getType()).withData(secret.getData())
                .withImmutable(true).build();
        }
        ConfigMap map = (ConfigMap) source;
        return new ConfigMapBuilder().withMetadata(metadata).withData(map.getData()).withBinaryData(map.getBinaryData())
            .withImmutable(true).build();
    }

    /** What a release records of a snapshot it uses: names only. */
    public static EnvSnapshot record(HasMetadata source, HasMetadata snapshot) {
        List<String> keys = SourceContent.ofRead(source).keyDigests().keySet().stream().sorted().toList();
        String kind = source instanceof Secret ? EnvSnapshot.SECRET : EnvSnapshot.CONFIG_MAP;
        return new EnvSnapshot(kind, source.getMetadata().getName(), snapshot.getMetadata().getName(), keys);
    }

    /** Whether {@code object} is a snapshot Slipway made for {@code app} (only those are given new owners). */
    public static boolean isSnapshotOf(HasMetadata object, App app) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels != null && "true".equals(labels.get(Slipway.LABEL_ENV_SNAPSHOT))
            && app.getMetadata().getName().equals(labels.get(Slipway.LABEL_APP));
    }
}

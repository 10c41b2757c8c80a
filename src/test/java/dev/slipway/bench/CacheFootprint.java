package dev.slipway.bench;

import dev.slipway.model.EnvSnapshot;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.ReleaseStatus;
import dev.slipway.reconcile.LeanCache;
import dev.slipway.testing.Manifests;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The heap a cached Release takes as a real API server sends it, which the mock server does not (it keeps no
 * managedFields): applied with kubectl (its field set and last-applied annotation), then numbered and given a
 * status by the operator. Measured as the retained heap of many parsed copies, as the informer holds them, with
 * and without {@link LeanCache}.
 */
final class CacheFootprint {
    private static final int COPIES = 5_000;
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    /** @param snapshotsKiB as cached, numbered on an App with App.spec.snapshotEnvFrom: two sources of two keys each */
    record Result(double rawKiB, double leanKiB, double snapshotsKiB) {
    }

    Result measure() throws InterruptedException {
        Release release = realistic();
        String json = SERIALIZATION.asJson(release);
        release.getSpec().setEnvSnapshots(List.of(
            new EnvSnapshot(EnvSnapshot.SECRET, "db-credentials", "shop-db-credentials-6d58b1ce8a", List.of("DATABASE_PASSWORD", "DATABASE_USER")),
            new EnvSnapshot(EnvSnapshot.CONFIG_MAP, "settings", "shop-settings-0a9f3c2e71", List.of("CURRENCY", "REGION"))));
        String snapshotted = SERIALIZATION.asJson(release);
        return new Result(kibPerCopy(json, UnaryOperator.identity()), kibPerCopy(json, LeanCache::trim), kibPerCopy(snapshotted, LeanCache::trim));
    }

    private static double kibPerCopy(String json, UnaryOperator<Release> cache) throws InterruptedException {
        long before = usedAfterGc();
        List<Release> held = new ArrayList<>(COPIES);
        for (int i = 0; i < COPIES; i++) {
            held.add(cache.apply(SERIALIZATION.unmarshal(json.replace("shop-7", "shop-7-" + i), Release.class)));
        }
        long after = usedAfterGc();
        return held.isEmpty() ? 0 : (after - before) / 1024.0 / held.size();
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static Release realistic() {
        Release release = Manifests.release("shop-7", "shop", "registry.example/shop/web@sha256:" + "0123456789abcdef".repeat(4), "6d58b1ce8a9f");
        release.getMetadata().setUid("6d58b1ce-8a9f-4c2d-9e1f-0123456789ab");
        release.getMetadata().setLabels(Map.of("slipway.dev/app", "shop", "slipway.dev/version", "7"));
        release.getSpec().setConfig(Map.of("LOG_LEVEL", "info", "FEATURE_X", "on", "DATABASE_POOL", "10"));
        release.getMetadata().setAnnotations(Map.of(LeanCache.LAST_APPLIED, SERIALIZATION.asJson(release.getSpec())));
        ReleaseStatus status = new ReleaseStatus();
        status.setVersion(7L);
        status.setPhase(ReleasePhase.Superseded);
        status.setMessage("Superseded by v8");
        status.setDeployedAt("2026-11-29T10:00:05Z");
        status.setSupersededAt("2026-11-29T11:00:00Z");
        status.setConditions(List.of("Ready", "Reconciling", "Stalled").stream().map(type -> new ConditionBuilder().withType(type)
            .withStatus("False").withReason("Superseded").withMessage("Superseded by v8").withObservedGeneration(1L)
            .withLastTransitionTime("2026-11-29T11:00:00Z").build()).toList());
        release.setStatus(status);
        release.getMetadata().setManagedFields(List.of(
            entry("kubectl-client-side-apply", null, Map.of("f:metadata", Map.of("f:annotations", Map.of(".", Map.of(),
                "f:" + LeanCache.LAST_APPLIED, Map.of())), "f:spec", Map.of(".", Map.of(), "f:app", Map.of(), "f:image", Map.of(),
                "f:source", Map.of(".", Map.of(), "f:commit", Map.of(), "f:branch", Map.of()),
                "f:config", Map.of(".", Map.of(), "f:LOG_LEVEL", Map.of(), "f:FEATURE_X", Map.of(), "f:DATABASE_POOL", Map.of())))),
            entry("slipway-operator", null, Map.of("f:metadata", Map.of("f:labels", Map.of(".", Map.of(), "f:slipway.dev/app", Map.of(),
                "f:slipway.dev/version", Map.of())), "f:spec", Map.of("f:cause", Map.of(), "f:description", Map.of()))),
            entry("slipway-operator", "status", Map.of("f:status", Map.of(".", Map.of(), "f:conditions", Map.of(), "f:phase", Map.of(),
                "f:version", Map.of(), "f:message", Map.of(), "f:deployedAt", Map.of(), "f:observedGeneration", Map.of())))));
        return release;
    }

    private static ManagedFieldsEntry entry(String manager, String subresource, Map<String, Object> fields) {
        return new ManagedFieldsEntryBuilder().withManager(manager).withOperation("Update").withApiVersion("slipway.dev/v1alpha1")
            .withTime("2026-11-29T10:00:00Z").withFieldsType("FieldsV1").withSubresource(subresource)
            .withNewFieldsV1().addToAdditionalProperties(fields).endFieldsV1().build();
    }
}

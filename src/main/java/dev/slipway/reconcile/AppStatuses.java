package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.AppStatus;
import dev.slipway.model.ProcessStatus;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.ReleaseRef;
import dev.slipway.release.Releases;
import dev.slipway.status.Conditions;
import dev.slipway.status.Health;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Builds the App status and writes it only when it changed, so an idle operator makes no writes. */
final class AppStatuses {
    private final Conditions conditions;
    private final EventRecorder events;

    AppStatuses(Conditions conditions, EventRecorder events) {
        this.conditions = conditions;
        this.events = events;
    }

    void write(App app, Context<App> context, Health health, long latestVersion, List<Release> numbered,
               Map<String, Deployment> deployments) {
        AppStatus before = app.getStatus() == null ? new AppStatus() : app.getStatus();
        AppStatus after = new AppStatus();
        after.setObservedGeneration(app.getMetadata().getGeneration());
        after.setLatestVersion(latestVersion == 0 ? null : latestVersion);
        after.setActiveRelease(activeRelease(before.getActiveRelease(), numbered));
        after.setProcesses(processes(deployments));
        after.setConditions(conditions.of(health, app.getMetadata().getGeneration(), before.getConditions()));
        if (ReleaseStore.SERIALIZATION.asJson(before).equals(ReleaseStore.SERIALIZATION.asJson(after))) {
            return;
        }
        App copy = ReleaseStore.SERIALIZATION.clone(app);
        PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(copy, context, fresh -> {
            fresh.setStatus(after);
            return fresh;
        });
        if (health.shape() == Health.Shape.STALLED && !sameReason(before, after)) {
            events.warning(app, health.reason(), health.message());
        }
    }

    /** The release whose rollout completed last; kept when it was deleted, since the workload still runs it. */
    private static ReleaseRef activeRelease(ReleaseRef previous, List<Release> numbered) {
        return numbered.stream()
            .filter(r -> Releases.phase(r) == ReleasePhase.Active)
            .max(Releases.BY_VERSION)
            .map(r -> new ReleaseRef(r.getMetadata().getName(), Releases.version(r)))
            .orElse(previous);
    }

    private static Map<String, ProcessStatus> processes(Map<String, Deployment> deployments) {
        if (deployments.isEmpty()) {
            return null;
        }
        Map<String, ProcessStatus> result = new TreeMap<>();
        deployments.forEach((process, d) -> result.put(process, new ProcessStatus(
            d.getSpec().getReplicas(),
            d.getStatus() == null ? Integer.valueOf(0) : Objects.requireNonNullElse(d.getStatus().getReadyReplicas(), 0),
            d.getStatus() == null ? Integer.valueOf(0) : Objects.requireNonNullElse(d.getStatus().getUpdatedReplicas(), 0))));
        return result;
    }

    private static boolean sameReason(AppStatus before, AppStatus after) {
        return before.getConditions() != null && before.getConditions().stream()
            .anyMatch(c -> "Stalled".equals(c.getType()) && "True".equals(c.getStatus())
                && Objects.equals(c.getReason(), after.getConditions().get(2).getReason()));
    }
}

package dev.slipway.reconcile;

import dev.slipway.desired.Formation;
import dev.slipway.model.App;
import dev.slipway.model.AppSpec;
import dev.slipway.model.AppStatus;
import dev.slipway.model.ProcessStatus;
import dev.slipway.model.ProcessTemplate;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.ReleaseRef;
import dev.slipway.release.ConfigChange;
import dev.slipway.release.ProcessChange;
import dev.slipway.release.Releases;
import dev.slipway.status.ConditionType;
import dev.slipway.status.Conditions;
import dev.slipway.status.Health;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** Builds the App status, to be written only when it changed, so an idle operator makes no writes. */
final class AppStatuses {
    /** Names listed in the HistoryPruned message before "and N more". */
    private static final int NAMES_SHOWN = 5;

    private final Conditions conditions;

    AppStatuses(Conditions conditions) {
        this.conditions = conditions;
    }

    /** An App status to write, and what the write tells: the Stalled reason when it first appears. */
    record Change(AppStatus status, List<Notice> notices) {
    }

    /** The digests of the App's config and process templates the operator acted on. */
    record Applied(String configDigest, String processesDigest) {
    }

    /**
     * The App status this pass ends with, when it differs from the stored one.
     *
     * @param applied       the digests acted on by this pass
     * @param running       the release that runs now, or null
     * @param keptElsewhere releases over historyLimit that another tool keeps, with that tool
     */
    Optional<Change> change(App app, Health health, long latestVersion, ReleaseRef active, Map<String, Deployment> deployments,
                            Applied applied, Release running, Map<Release, String> keptElsewhere) {
        AppStatus before = app.getStatus() == null ? new AppStatus() : app.getStatus();
        Long generation = app.getMetadata().getGeneration();
        AppStatus after = new AppStatus();
        after.setObservedGeneration(generation);
        after.setLatestVersion(latestVersion == 0 ? null : latestVersion);
        after.setActiveRelease(active);
        after.setProcesses(processes(deployments));
        after.setAppliedConfigDigest(applied.configDigest());
        after.setAppliedProcessesDigest(applied.processesDigest());
        List<Condition> list = new ArrayList<>(conditions.of(health, generation, before.getConditions()));
        if (running != null && app.getSpec() != null) {
            list.add(configInSync(app, running, generation, before.getConditions()));
            list.add(processesInSync(app, running, generation, before.getConditions()));
        }
        if (!keptElsewhere.isEmpty()) {
            list.add(historyPruned(app, keptElsewhere, generation, before.getConditions()));
        }
        after.setConditions(list);
        if (after.equals(before)) {
            return Optional.empty();
        }
        boolean newlyStalled = health.shape() == Health.Shape.STALLED && !stalledFor(before, health.reason());
        return Optional.of(new Change(after, newlyStalled ? List.of(Notice.warning(app, health.reason(), health.message())) : List.of()));
    }

    /**
     * The status of an App the pass cannot be carried out for (it cannot be read; the API server refuses a write): it
     * says why and keeps what it said about versions and workloads. None where the status itself could not be read: it
     * would replace what the operator cannot see.
     */
    Optional<Change> stalled(App app, Health health, Map<String, Deployment> deployments) {
        if (!app.isStatusReadable()) {
            return Optional.empty();
        }
        AppStatus before = app.getStatus() == null ? new AppStatus() : app.getStatus();
        return change(app, health, before.getLatestVersion() == null ? 0 : before.getLatestVersion(), before.getActiveRelease(),
            deployments, new Applied(before.getAppliedConfigDigest(), before.getAppliedProcessesDigest()), null, Map.of());
    }

    /** The release whose rollout completed last; kept when it was deleted, since the workload still runs it. */
    static ReleaseRef activeRelease(ReleaseRef previous, List<Release> numbered) {
        return numbered.stream()
            .filter(r -> Releases.phase(r) == ReleasePhase.Active)
            .max(Releases.BY_VERSION)
            .map(r -> new ReleaseRef(r.getMetadata().getName(), Releases.version(r)))
            .orElse(previous);
    }

    /** After a rollback the running config differs from spec.config on purpose; say so instead of fighting it. */
    private Condition configInSync(App app, Release running, Long generation, List<Condition> previous) {
        var spec = app.getSpec();
        var release = running.getSpec();
        if (ConfigChange.same(release.getConfig(), release.getEnvFrom(), spec.getConfig(), spec.getEnvFrom())) {
            return conditions.of(ConditionType.CONFIG_IN_SYNC, true, "RunningSpecConfig",
                Releases.label(running) + " runs spec.config", generation, previous);
        }
        String difference = ConfigChange.describe(release.getConfig(), release.getEnvFrom(), spec.getConfig(), spec.getEnvFrom());
        return conditions.of(ConditionType.CONFIG_IN_SYNC, false, "RunningConfigDiffers", Releases.label(running)
            + " runs a config that differs from spec.config (to match it: " + difference + "), as after a rollback;"
            + " the operator leaves it, and a deploy keeps the running config. To run spec.config, change spec.config"
            + " or deploy a release that sets spec.config", generation, previous);
    }

    /** After a rollback the running process templates may differ from spec.processes on purpose, as config does. */
    private Condition processesInSync(App app, Release running, Long generation, List<Condition> previous) {
        Map<String, ProcessTemplate> runs = Formation.templates(app, running);
        Map<String, ProcessTemplate> spec = ProcessChange.templates(app.getSpec().getProcesses());
        if (ProcessChange.same(runs, spec)) {
            return conditions.of(ConditionType.PROCESSES_IN_SYNC, true, "RunningSpecProcesses",
                Releases.label(running) + " runs the process templates of spec.processes", generation, previous);
        }
        return conditions.of(ConditionType.PROCESSES_IN_SYNC, false, "RunningProcessesDiffer", Releases.label(running)
            + " runs process templates that differ from spec.processes (to match it: " + ProcessChange.describe(runs, spec)
            + "), as after a rollback; the operator leaves it. A deploy of a release without spec.processes, or a change of"
            + " spec.processes, runs spec.processes again", generation, previous);
    }

    /** Releases over historyLimit that pruning leaves to the tool that would otherwise create them again. */
    private Condition historyPruned(App app, Map<Release, String> keptElsewhere, Long generation, List<Condition> previous) {
        List<String> names = keptElsewhere.keySet().stream().map(r -> r.getMetadata().getName()).toList();
        String shown = String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size())))
            + (names.size() > NAMES_SHOWN ? " and " + (names.size() - NAMES_SHOWN) + " more" : "");
        String tools = String.join(", ", new TreeSet<>(keptElsewhere.values()));
        Integer limit = app.getSpec().getHistoryLimit();
        return conditions.of(ConditionType.HISTORY_PRUNED, false, "KeptByAnotherTool", names.size() + " release"
            + (names.size() == 1 ? " is" : "s are") + " over spec.historyLimit (" + (limit == null ? AppSpec.DEFAULT_HISTORY_LIMIT : limit)
            + ") and kept by " + tools + ": " + shown + ". Slipway does not delete what another tool would create again;"
            + " remove them where that tool takes them from (e.g. Git), or raise spec.historyLimit", generation, previous);
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

    private static boolean stalledFor(AppStatus before, String reason) {
        return before.getConditions() != null && before.getConditions().stream()
            .anyMatch(c -> ConditionType.STALLED.equals(c.getType()) && "True".equals(c.getStatus())
                && Objects.equals(c.getReason(), reason));
    }
}

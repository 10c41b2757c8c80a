package dev.slipway.workload;

import dev.slipway.desired.DesiredDeployment;
import dev.slipway.desired.DesiredService;
import dev.slipway.desired.Formation;
import dev.slipway.model.App;
import dev.slipway.model.ProcessSpec;
import dev.slipway.model.Release;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

/**
 * The writes that make an App's Deployments and Services run a release, decided from what the caches hold: create
 * what is missing, correct drift on the fields the operator owns, delete what belongs to a process the release does not
 * run (or, for a Service, whose port it does not set). {@link Workloads} applies them.
 *
 * @param processes one entry per process the release runs ({@link Formation}), in its order
 * @param deletes   Deployments, then Services, of removed processes
 */
public record WorkloadChanges(List<Process> processes, List<HasMetadata> deletes) {

    /** @param service null when the process has no port */
    public record Process(String name, Change<Deployment> deployment, Change<Service> service) {
    }

    /**
     * One object: created when {@code actual} is null, updated to {@code write} when it drifted, kept when {@code write}
     * is null.
     */
    public record Change<T extends HasMetadata>(T actual, T write) {
        public boolean creates() {
            return actual == null;
        }
    }

    public static WorkloadChanges of(App app, Release release, Workloads.Owned owned) {
        Map<String, ProcessSpec> processes = Formation.of(app, release);
        List<Process> changes = new ArrayList<>();
        processes.forEach((name, spec) -> {
            Integer port = spec.getPort();
            changes.add(new Process(name,
                change(DesiredDeployment.of(app, name, spec, release), owned.deployments().get(name), DeploymentDrift::drifted, DeploymentDrift::corrected),
                port == null ? null
                    : change(DesiredService.of(app, name, port), owned.services().get(name), ServiceDrift::drifted, ServiceDrift::corrected)));
        });
        List<HasMetadata> deletes = new ArrayList<>();
        owned.deployments().forEach((process, deployment) -> {
            if (!processes.containsKey(process)) {
                deletes.add(deployment);
            }
        });
        owned.services().forEach((process, service) -> {
            ProcessSpec spec = processes.get(process);
            if (spec == null || spec.getPort() == null) {
                deletes.add(service);
            }
        });
        return new WorkloadChanges(changes, deletes);
    }

    private static <T extends HasMetadata> Change<T> change(T desired, T actual, BiPredicate<T, T> drifted, BiFunction<T, T, T> corrected) {
        if (actual == null) {
            return new Change<>(null, desired);
        }
        return new Change<>(actual, drifted.test(desired, actual) ? corrected.apply(desired, actual) : null);
    }
}

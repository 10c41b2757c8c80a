package dev.slipway.workload;

import dev.slipway.model.App;
import dev.slipway.model.Owners;
import dev.slipway.model.Slipway;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** Writes the App's Deployments and Services as {@link WorkloadChanges} plans them, and reads them from the caches. */
public final class Workloads {
    private static final Logger LOG = Logger.getLogger(Workloads.class);

    private final KubernetesClient client;
    private final InformerEventSource<Deployment, App> deployments;
    private final InformerEventSource<Service, App> services;

    public Workloads(KubernetesClient client, InformerEventSource<Deployment, App> deployments,
                     InformerEventSource<Service, App> services) {
        this.client = client;
        this.deployments = deployments;
        this.services = services;
    }

    /**
     * The Deployments and Services this App owns, from the informer caches: through the informers' index of
     * secondaries per App, since a list by namespace copies and scans every cached object of every namespace, once
     * per App pass.
     */
    public Owned owned(App app) {
        return new Owned(
            byProcess(deployments.getSecondaryResources(app).stream().filter(d -> Owners.isOwnedBy(d, app)).toList()),
            byProcess(services.getSecondaryResources(app).stream().filter(s -> Owners.isOwnedBy(s, app)).toList()));
    }

    /** Applies {@code changes}; returns the Deployments per process as they are after the writes. */
    public Result apply(App app, WorkloadChanges changes) {
        Map<String, Deployment> current = new LinkedHashMap<>();
        List<String> conflicts = new ArrayList<>();
        for (WorkloadChanges.Process process : changes.processes()) {
            try {
                current.put(process.name(), apply(app, process.deployment(), deployments));
                if (process.service() != null) {
                    apply(app, process.service(), services);
                }
            } catch (NotOwnedException e) {
                conflicts.add(e.getMessage());
            }
        }
        changes.deletes().forEach(this::delete);
        return new Result(current, conflicts);
    }

    private <T extends HasMetadata> T apply(App app, WorkloadChanges.Change<T> change, InformerEventSource<T, App> cache) {
        if (change.creates()) {
            T created = create(app, change.write());
            cache.handleRecentResourceCreate(ResourceID.fromResource(created), created);
            return created;
        }
        if (change.write() == null) {
            return change.actual();
        }
        T updated = client.resource(change.write()).update();
        cache.handleRecentResourceUpdate(ResourceID.fromResource(updated), updated, change.actual());
        return updated;
    }

    private <T extends HasMetadata> T create(App app, T desired) {
        try {
            return client.resource(desired).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                // Not in our cache although it exists: either someone else's object, or our cache lags behind.
                T existing = client.resource(desired).get();
                if (existing != null && !Owners.isOwnedBy(existing, app)) {
                    throw new NotOwnedException(existing.getKind() + " " + existing.getMetadata().getName()
                        + " already exists and is not managed by Slipway; delete or rename it so the operator can create its own");
                }
            }
            RefusedCreates.name(e, desired);
            throw e;
        }
    }

    private void delete(HasMetadata object) {
        LOG.infof("Deleting %s %s/%s: its process was removed from the App", object.getKind(),
            object.getMetadata().getNamespace(), object.getMetadata().getName());
        client.resource(object).delete();
    }

    private static <T extends HasMetadata> Map<String, T> byProcess(Collection<T> objects) {
        Map<String, T> result = new LinkedHashMap<>();
        for (T object : objects) {
            String process = object.getMetadata().getLabels() == null ? null : object.getMetadata().getLabels().get(Slipway.LABEL_PROCESS);
            if (process != null) {
                result.put(process, object);
            }
        }
        return result;
    }

    public record Owned(Map<String, Deployment> deployments, Map<String, Service> services) {
    }

    /** @param conflicts objects in the way that belong to someone else, as sentences */
    public record Result(Map<String, Deployment> deployments, List<String> conflicts) {
    }

    static final class NotOwnedException extends RuntimeException {
        NotOwnedException(String message) {
            super(message);
        }
    }
}

package dev.slipway.desired;

import dev.slipway.model.App;
import dev.slipway.model.Owners;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;

/** The ClusterIP Service of a process that has a port. */
public final class DesiredService {
    private DesiredService() {
    }

    public static Service of(App app, String process, int port) {
        return new ServiceBuilder()
            .withNewMetadata()
                .withName(WorkloadNames.objectName(app, process))
                .withNamespace(app.getMetadata().getNamespace())
                .withLabels(WorkloadNames.labels(app, process))
                .withOwnerReferences(Owners.controllerReference(app))
            .endMetadata()
            .withNewSpec()
                .withType("ClusterIP")
                .withSelector(WorkloadNames.selector(app, process))
                .withPorts(new ServicePortBuilder()
                    .withName(DesiredDeployment.PORT_NAME)
                    .withPort(port)
                    .withTargetPort(new IntOrString(DesiredDeployment.PORT_NAME))
                    .withProtocol("TCP")
                    .build())
            .endSpec()
            .build();
    }
}

package dev.slipway.desired;

import static dev.slipway.desired.DesiredDeploymentTest.app;
import static dev.slipway.desired.DesiredDeploymentTest.process;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DesiredServiceTest {

    private static Service service() {
        return DesiredService.of(app("myapp", Map.of("web", process(1, 5000))), "web", 5000);
    }

    @Test
    void isAClusterIpServiceNamedAppDashProcess() {
        Service s = service();
        assertThat(s.getMetadata().getName()).isEqualTo("myapp-web");
        assertThat(s.getMetadata().getNamespace()).isEqualTo("shop");
        assertThat(s.getSpec().getType()).isEqualTo("ClusterIP");
    }

    @Test
    void selectsThePodsOfTheProcess() {
        assertThat(service().getSpec().getSelector())
            .containsExactlyInAnyOrderEntriesOf(Map.of("slipway.dev/app", "myapp", "slipway.dev/process", "web"));
    }

    @Test
    void carriesTheContractLabels() {
        assertThat(service().getMetadata().getLabels())
            .containsEntry("app.kubernetes.io/managed-by", "slipway")
            .containsEntry("app.kubernetes.io/component", "web")
            .containsEntry("slipway.dev/app", "myapp");
    }

    @Test
    void exposesThePortAndTargetsTheNamedContainerPort() {
        ServicePort port = service().getSpec().getPorts().get(0);
        assertThat(port.getPort()).isEqualTo(5000);
        assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
        assertThat(port.getProtocol()).isEqualTo("TCP");
    }

    @Test
    void isControlledByTheApp() {
        assertThat(service().getMetadata().getOwnerReferences()).singleElement()
            .satisfies(ref -> {
                assertThat(ref.getController()).isTrue();
                assertThat(ref.getUid()).isEqualTo("uid-myapp");
            });
    }
}

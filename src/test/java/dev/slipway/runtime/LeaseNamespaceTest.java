package dev.slipway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Lease needs a namespace wherever the operator runs, or JOSDK refuses to start. */
class LeaseNamespaceTest {

    private static KubernetesClient clientIn(String namespace) {
        return new KubernetesClientBuilder().withConfig(new ConfigBuilder(Config.empty())
            .withMasterUrl("https://api.example:6443").withNamespace(namespace).build()).build();
    }

    @Test
    void theConfiguredNamespaceWins() {
        try (KubernetesClient client = clientIn("slipway-system")) {
            assertThat(new LeaderElection("slipway-operator", Optional.of("leases"), client, new Handover()).getLeaseNamespace()).contains("leases");
        }
    }

    @Test
    void elseTheNamespaceOfThePodOrOfTheKubeconfigContext() {
        try (KubernetesClient client = clientIn("slipway-system")) {
            assertThat(new LeaderElection("slipway-operator", Optional.empty(), client, new Handover()).getLeaseNamespace()).contains("slipway-system");
        }
    }

    @Test
    void aKubeconfigContextWithoutANamespaceGetsTheDefaultNamespace() {
        try (KubernetesClient client = clientIn(null)) {
            LeaderElection election = new LeaderElection("slipway-operator", Optional.of(" "), client, new Handover());
            assertThat(election.getLeaseNamespace()).contains("default");
            assertThat(election.getLeaseName()).isEqualTo("slipway-operator");
        }
    }
}

package dev.slipway.operations;

import static dev.slipway.operations.Kustomize.kind;
import static dev.slipway.operations.Kustomize.kinds;
import static dev.slipway.operations.Kustomize.only;
import static dev.slipway.operations.Kustomize.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The install variants in deploy/, rendered with `kubectl kustomize` as an admin would apply them. */
class InstallManifestsTest {
    @BeforeAll
    static void kubectlIsThere() {
        assumeTrue(Kustomize.available(), "kubectl is not installed: skipping the rendering of deploy/ with kubectl kustomize");
    }

    @Test
    void clusterWideInstallHasAClusterRoleBoundToTheOperatorAndTwoReplicas() throws Exception {
        List<JsonNode> objects = render("deploy");
        assertThat(kinds(objects)).contains("CustomResourceDefinition", "Namespace", "ServiceAccount", "ClusterRole",
            "ClusterRoleBinding", "Role", "RoleBinding", "Deployment");
        assertThat(objects).filteredOn(o -> kind(o).equals("CustomResourceDefinition")).hasSize(4);
        JsonNode binding = only(objects, "ClusterRoleBinding");
        assertThat(binding.at("/subjects/0/name").asText()).isEqualTo("slipway-operator");
        assertThat(binding.at("/subjects/0/namespace").asText()).isEqualTo("slipway-system");
        JsonNode deployment = only(objects, "Deployment");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertThat(container.at("/image").asText()).startsWith("ghcr.io/slipway-dev/slipway-operator:");
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(container.at("/securityContext/capabilities/drop/0").asText()).isEqualTo("ALL");
        assertThat(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.toString()).doesNotContain("SLIPWAY_NAMESPACES");
    }

    @Test
    void theOperatorStartsSlowlyWithoutBeingKilledAndADrainKeepsOneReplica() throws Exception {
        List<JsonNode> objects = render("deploy");
        JsonNode deployment = only(objects, "Deployment");
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/startupProbe/periodSeconds").asInt() * container.at("/startupProbe/failureThreshold").asInt())
            .as("seconds a start may take before liveness counts").isGreaterThanOrEqualTo(60);
        assertThat(deployment.at("/spec/template/spec/terminationGracePeriodSeconds").asInt())
            .as("covers the measured stop (about 0.5 s) and a reconcile on a slow API server").isBetween(10, 30);
        JsonNode budget = only(objects, "PodDisruptionBudget");
        assertThat(budget.at("/spec/minAvailable").asInt()).isEqualTo(1);
        assertThat(budget.at("/metadata/namespace").asText()).isEqualTo(deployment.at("/metadata/namespace").asText());
        assertThat(budget.at("/spec/selector/matchLabels")).isEqualTo(deployment.at("/spec/selector/matchLabels"));
    }

    @Test
    void namespacedInstallHasARolePerWatchedNamespaceAndNoClusterWideAccessToWorkloads() throws Exception {
        List<JsonNode> objects = render("deploy/namespaced");
        assertThat(kinds(objects)).doesNotContain("ClusterRole", "ClusterRoleBinding");
        List<JsonNode> roles = objects.stream().filter(o -> kind(o).equals("Role") && o.at("/metadata/name").asText().equals("slipway-operator")).toList();
        assertThat(roles).extracting(r -> r.at("/metadata/namespace").asText()).containsExactlyInAnyOrder("team-a", "team-b");
        List<JsonNode> bindings = objects.stream().filter(o -> kind(o).equals("RoleBinding") && o.at("/metadata/name").asText().equals("slipway-operator")).toList();
        assertThat(bindings).extracting(b -> b.at("/metadata/namespace").asText()).containsExactlyInAnyOrder("team-a", "team-b");
        assertThat(bindings).allSatisfy(b -> assertThat(b.at("/subjects/0/namespace").asText()).isEqualTo("slipway-system"));
        JsonNode env = only(objects, "Deployment").at("/spec/template/spec/containers/0/env");
        assertThat(env.toString()).contains("{\"name\":\"SLIPWAY_NAMESPACES\",\"value\":\"team-a,team-b\"}");
    }

    @Test
    void namespacedRoleGrantsExactlyWhatTheClusterRoleGrants() throws Exception {
        JsonNode clusterRole = only(render("deploy"), "ClusterRole");
        JsonNode role = render("deploy/namespaced").stream()
            .filter(o -> kind(o).equals("Role") && o.at("/metadata/namespace").asText().equals("team-a")).findFirst().orElseThrow();
        assertThat(role.get("rules")).isEqualTo(clusterRole.get("rules"));
    }
}

package dev.slipway.operations;

import static dev.slipway.operations.Kustomize.kinds;
import static dev.slipway.operations.Kustomize.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional component deploy/created-by-user, alone and added to an install as docs/operations.md says. */
class CreatedByUserComponentTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path COMPONENT = Path.of("deploy/created-by-user");
    private static final List<String> POLICY_KINDS = List.of("MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding",
        "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding");

    @TempDir
    Path overlay;

    @Test
    void theComponentListsEveryManifestBesideIt() throws IOException {
        JsonNode kustomization = YAML.readTree(COMPONENT.resolve("kustomization.yaml").toFile());
        assertThat(kustomization.get("apiVersion").asText()).isEqualTo("kustomize.config.k8s.io/v1alpha1");
        assertThat(kustomization.get("kind").asText()).isEqualTo("Component");
        List<String> listed = new ArrayList<>();
        kustomization.get("resources").forEach(r -> listed.add(r.asText()));
        try (Stream<Path> files = Files.list(COMPONENT)) {
            List<String> manifests = files.map(f -> f.getFileName().toString())
                .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml")).toList();
            assertThat(listed).containsExactlyInAnyOrderElementsOf(manifests);
        }
    }

    @Test
    void addedToTheClusterWideInstallItBringsThePoliciesAndChangesNothingElse() throws Exception {
        assumeTrue(Kustomize.available(), "kubectl is not installed");
        List<JsonNode> plain = Kustomize.render("deploy");
        List<JsonNode> objects = render("deploy/created-by-user");

        assertThat(kinds(objects)).containsAll(POLICY_KINDS);
        assertThat(objects.stream().filter(o -> !POLICY_KINDS.contains(Kustomize.kind(o))).toList()).isEqualTo(plain);
        assertThat(objects).filteredOn(o -> POLICY_KINDS.contains(Kustomize.kind(o)))
            .allSatisfy(o -> assertThat(o.get("apiVersion").asText()).isEqualTo("admissionregistration.k8s.io/v1"));
    }

    @Test
    void theOperatorTheMutatingPolicyLeavesAloneIsTheServiceAccountTheInstallRuns() throws Exception {
        assumeTrue(Kustomize.available(), "kubectl is not installed");
        List<JsonNode> objects = render("deploy/created-by-user");
        JsonNode account = only(objects, "ServiceAccount");
        JsonNode deployment = only(objects, "Deployment");
        assertThat(deployment.at("/spec/template/spec/serviceAccountName").asText()).isEqualTo(account.at("/metadata/name").asText());
        String username = "system:serviceaccount:" + account.at("/metadata/namespace").asText() + ":" + account.at("/metadata/name").asText();

        String condition = only(objects, "MutatingAdmissionPolicy").at("/spec/matchConditions/0/expression").asText();
        assertThat(condition).isEqualTo("request.userInfo.username != \"" + username + "\"");
    }

    @Test
    void olderKubernetesVersionsGetTheApiVersionTheyServe() throws Exception {
        assumeTrue(Kustomize.available(), "kubectl is not installed");
        for (String version : List.of("v1beta1", "v1alpha1")) {
            List<JsonNode> objects = render("deploy/created-by-user", "deploy/created-by-user/api-" + version);
            assertThat(only(objects, "MutatingAdmissionPolicy").get("apiVersion").asText()).isEqualTo("admissionregistration.k8s.io/" + version);
            assertThat(only(objects, "MutatingAdmissionPolicyBinding").get("apiVersion").asText()).isEqualTo("admissionregistration.k8s.io/" + version);
            assertThat(only(objects, "ValidatingAdmissionPolicy").get("apiVersion").asText())
                .as("ValidatingAdmissionPolicy is v1 since Kubernetes 1.30").isEqualTo("admissionregistration.k8s.io/v1");
        }
    }

    /** deploy/ with these components, from an overlay outside the repository as an admin would write one. */
    private List<JsonNode> render(String... components) throws Exception {
        StringBuilder kustomization = new StringBuilder("resources:\n  - ").append(relative("deploy")).append("\ncomponents:\n");
        for (String component : components) {
            kustomization.append("  - ").append(relative(component)).append('\n');
        }
        Files.writeString(overlay.resolve("kustomization.yaml"), kustomization);
        return Kustomize.render(overlay.toString());
    }

    private String relative(String dir) {
        return overlay.toAbsolutePath().relativize(Path.of(dir).toAbsolutePath()).toString();
    }
}

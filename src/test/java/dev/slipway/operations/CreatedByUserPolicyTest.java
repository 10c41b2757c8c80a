package dev.slipway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.slipway.model.Slipway;
import dev.slipway.operations.AdmissionCel.Request;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The admission policies in deploy/created-by-user, read from their files and run with CEL as the API server runs
 * them: on CREATE of a Release, Rollback or Promotion the requester's authenticated name replaces whatever the client put in
 * slipway.dev/created-by-user (except for the operator's own creates); an UPDATE may not touch it.
 */
class CreatedByUserPolicyTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path DIR = Path.of("deploy/created-by-user");
    private static final String KEY = Slipway.ANNOTATION_CREATED_BY_USER;
    private static final String OPERATOR = "system:serviceaccount:slipway-system:slipway-operator";

    @Test
    void theMutatingPolicyMatchesOnlyCreatesOfReleasesAndRequestsEverywhere() throws Exception {
        JsonNode policy = only("mutatingadmissionpolicy.yaml", "MutatingAdmissionPolicy");
        JsonNode rules = policy.at("/spec/matchConstraints/resourceRules");
        assertThat(rules).hasSize(1);
        assertThat(strings(rules.get(0).get("apiGroups"))).containsExactly(Slipway.GROUP);
        assertThat(strings(rules.get(0).get("operations"))).containsExactly("CREATE");
        assertThat(strings(rules.get(0).get("resources"))).containsExactlyInAnyOrder(plural("Release"), plural("Rollback"), plural("Promotion"));
        assertThat(policy.at("/spec/matchConstraints").has("excludeResourceRules")).isFalse();
        assertThat(policy.at("/spec/failurePolicy").asText()).as("no release slips through with a forged value").isEqualTo("Fail");
        assertThat(policy.at("/spec/mutations")).hasSize(1);
        assertThat(policy.at("/spec/mutations/0/patchType").asText()).isEqualTo("ApplyConfiguration");

        JsonNode binding = only("mutatingadmissionpolicy.yaml", "MutatingAdmissionPolicyBinding");
        assertThat(binding.at("/spec/policyName").asText()).isEqualTo(policy.at("/metadata/name").asText());
        assertThat(binding.at("/spec").has("matchResources")).as("every namespace, every object").isFalse();
    }

    @Test
    void aReleaseIsStampedWithTheAuthenticatedUser() throws Exception {
        String release = "{\"metadata\": {\"name\": \"shop-6d58b1ce\"}, \"spec\": {\"app\": \"shop\"}}";

        Map<String, Object> stamped = create("alice@example.com", release);

        assertThat(annotations(stamped)).containsExactly(Map.entry(KEY, "alice@example.com"));
        assertThat(stamped.get("spec")).isEqualTo(Map.of("app", "shop"));
    }

    @Test
    void aValueTheClientSentIsOverwrittenAndItsOtherAnnotationsKept() throws Exception {
        String forged = "{\"metadata\": {\"name\": \"shop-x\", \"annotations\": {\"" + KEY + "\": \"alice\","
            + " \"" + Slipway.ANNOTATION_CREATED_BY + "\": \"alice\", \"team\": \"checkout\"}}}";

        Map<String, Object> stamped = create("mallory", forged);

        assertThat(annotations(stamped)).containsEntry(KEY, "mallory")
            .containsEntry(Slipway.ANNOTATION_CREATED_BY, "alice").containsEntry("team", "checkout").hasSize(3);
    }

    @Test
    void aReleaseWithNoAnnotationsOrNullAnnotationsIsStamped() throws Exception {
        assertThat(annotations(create("bob", "{\"metadata\": {\"name\": \"a\"}}"))).containsExactly(Map.entry(KEY, "bob"));
        assertThat(annotations(create("bob", "{\"metadata\": {\"name\": \"a\", \"annotations\": null}}")))
            .containsExactly(Map.entry(KEY, "bob"));
        assertThat(annotations(create("bob", "{\"metadata\": {\"name\": \"a\", \"annotations\": {}}}")))
            .containsExactly(Map.entry(KEY, "bob"));
    }

    @Test
    void onlyTheOperatorsOwnCreatesAreLeftAlone() throws Exception {
        assertThat(matches("alice", "{\"metadata\": {}}")).isTrue();
        assertThat(matches("system:serviceaccount:ci:deployer", "{\"metadata\": {\"annotations\": null}}")).isTrue();
        assertThat(matches("system:serviceaccount:team-a:slipway-operator", "{\"metadata\": {}}"))
            .as("a ServiceAccount of the same name elsewhere is stamped").isTrue();
        assertThat(matches(OPERATOR, "{\"metadata\": {}}")).isFalse();
    }

    @Test
    void theValidatingPolicyMatchesOnlyUpdatesOfReleasesAndRequests() throws Exception {
        JsonNode policy = only("validatingadmissionpolicy.yaml", "ValidatingAdmissionPolicy");
        JsonNode rules = policy.at("/spec/matchConstraints/resourceRules");
        assertThat(rules).hasSize(1);
        assertThat(strings(rules.get(0).get("apiGroups"))).containsExactly(Slipway.GROUP);
        assertThat(strings(rules.get(0).get("operations"))).containsExactly("UPDATE");
        assertThat(strings(rules.get(0).get("resources"))).containsExactlyInAnyOrder(plural("Release"), plural("Rollback"), plural("Promotion"));
        JsonNode binding = only("validatingadmissionpolicy.yaml", "ValidatingAdmissionPolicyBinding");
        assertThat(binding.at("/spec/policyName").asText()).isEqualTo(policy.at("/metadata/name").asText());
        assertThat(strings(binding.at("/spec/validationActions"))).containsExactly("Deny");
    }

    @Test
    void anUpdateMayNotAddChangeOrRemoveTheStamp() throws Exception {
        String none = "{\"metadata\": {}}";
        String other = "{\"metadata\": {\"annotations\": {\"team\": \"checkout\"}}}";
        String alice = "{\"metadata\": {\"annotations\": {\"" + KEY + "\": \"alice\"}}}";
        String aliceAndOther = "{\"metadata\": {\"annotations\": {\"" + KEY + "\": \"alice\", \"team\": \"checkout\"}}}";
        String mallory = "{\"metadata\": {\"annotations\": {\"" + KEY + "\": \"mallory\"}}}";

        assertThat(updateAllowed(none, none)).isTrue();
        assertThat(updateAllowed(none, other)).isTrue();
        assertThat(updateAllowed(alice, aliceAndOther)).isTrue();
        assertThat(updateAllowed(none, mallory)).as("added to a release made before the policy").isFalse();
        assertThat(updateAllowed(alice, mallory)).as("changed").isFalse();
        assertThat(updateAllowed(alice, other)).as("removed").isFalse();
    }

    private static Map<String, Object> create(String user, String objectJson) throws Exception {
        JsonNode policy = only("mutatingadmissionpolicy.yaml", "MutatingAdmissionPolicy");
        Request request = new Request(user, "CREATE", objectJson, null);
        assertThat(matches(user, objectJson)).as("the policy applies to %s", user).isTrue();
        @SuppressWarnings("unchecked")
        Map<String, Object> applyConfiguration = (Map<String, Object>) AdmissionCel.eval(
            policy.at("/spec/mutations/0/applyConfiguration/expression").asText(), request);
        assertThat(applyConfiguration).as("only metadata.annotations is set").containsOnlyKeys("metadata");
        return AdmissionCel.merge(AdmissionCel.json(objectJson), applyConfiguration);
    }

    private static boolean matches(String user, String objectJson) throws Exception {
        JsonNode conditions = only("mutatingadmissionpolicy.yaml", "MutatingAdmissionPolicy").at("/spec/matchConditions");
        boolean all = true;
        for (JsonNode condition : conditions) {
            all &= (Boolean) AdmissionCel.eval(condition.get("expression").asText(), new Request(user, "CREATE", objectJson, null));
        }
        return all;
    }

    private static boolean updateAllowed(String oldJson, String newJson) throws Exception {
        JsonNode validations = only("validatingadmissionpolicy.yaml", "ValidatingAdmissionPolicy").at("/spec/validations");
        assertThat(validations).hasSize(1);
        return (Boolean) AdmissionCel.eval(validations.get(0).get("expression").asText(), new Request("alice", "UPDATE", newJson, oldJson));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> annotations(Map<String, Object> object) {
        return (Map<String, Object>) ((Map<String, Object>) object.get("metadata")).get("annotations");
    }

    /** The plural the CRD of this kind in crds/ serves: what a resource rule names. */
    private static String plural(String kind) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("crds"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                JsonNode crd = YAML.readTree(file.toFile());
                if (crd.at("/spec/names/kind").asText().equals(kind)) {
                    return crd.at("/spec/names/plural").asText();
                }
            }
        }
        throw new AssertionError("no CRD of kind " + kind + " in crds/");
    }

    static JsonNode only(String file, String kind) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(DIR.resolve(file).toFile())) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
        }
        List<JsonNode> matching = documents.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
        assertThat(matching).as("%s in %s", kind, file).hasSize(1);
        return matching.get(0);
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(item -> strings.add(item.asText()));
        return strings;
    }
}

package dev.slipway.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fabric8.kubernetes.api.model.DefaultKubernetesResourceList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link TolerantReader} makes of an object as an informer receives it: everything that can be read is
 * read, each unreadable part is left null with the problem recorded, and nothing else about the object changes.
 */
class TolerantReaderTest {
    private final KubernetesSerialization serialization = new KubernetesSerialization();

    private static final String RELEASE = """
        {"apiVersion": "slipway.dev/v1alpha1", "kind": "Release",
         "metadata": {"name": "shop-b7", "namespace": "prod", "uid": "UID", "resourceVersion": "42",
                      "labels": {"slipway.dev/app": "shop"}, "annotations": {"a": "b"}},
         "spec": {"app": "shop", "image": "registry.example/shop:7", "config": {"GREETING": "hello"},
                  "description": "Deploy 7", "cause": "Deploy", "newerField": {"x": [1, 2]}},
         "status": {"version": 7, "phase": "Active", "observedGeneration": 1,
                    "conditions": [{"type": "Ready", "status": "True", "reason": "Active", "message": "running"}]}}
        """;

    /**
     * Each test reads its own object: findings are remembered per uid and resourceVersion (see
     * {@link UnreadableRecords}), as the informer's copies of one object must share them.
     */
    private static String release(String uid) {
        return RELEASE.replace("UID", uid);
    }

    @Test
    void aReadableReleaseIsReadInFull() {
        Release release = serialization.unmarshal(release("readable"), Release.class);

        assertThat(release.isReadable()).isTrue();
        assertThat(release.getMetadata().getName()).isEqualTo("shop-b7");
        assertThat(release.getMetadata().getResourceVersion()).isEqualTo("42");
        assertThat(release.getMetadata().getLabels()).containsEntry("slipway.dev/app", "shop");
        assertThat(release.getSpec().getImage()).isEqualTo("registry.example/shop:7");
        assertThat(release.getSpec().getConfig()).containsEntry("GREETING", "hello");
        assertThat(release.getSpec().getCause()).isEqualTo(Cause.Deploy);
        assertThat(release.getStatus().getVersion()).isEqualTo(7L);
        assertThat(release.getStatus().getPhase()).isEqualTo(ReleasePhase.Active);
        assertThat(release.getStatus().getConditions()).singleElement()
            .satisfies(c -> assertThat(c.getMessage()).isEqualTo("running"));
    }

    /**
     * Text that repeats across cached objects is held once (SharedStrings): the values of metadata, spec and status,
     * map values and list elements alike. Each JSON value is parsed into a String of its own otherwise.
     */
    @Test
    void repeatedTextOfTwoObjectsIsOneInstance() {
        String json = release("shared-UID").replace("\"description\"", "\"processes\": {\"web\": {\"args\": [\"serve\", \"--quiet\"]}}, \"description\"");
        Release one = serialization.unmarshal(json.replace("shared-UID", "shared-1"), Release.class);
        Release two = serialization.unmarshal(json.replace("shared-UID", "shared-2"), Release.class);

        assertThat(two.getMetadata().getNamespace()).isSameAs(one.getMetadata().getNamespace());
        assertThat(two.getMetadata().getLabels().get("slipway.dev/app")).isSameAs(one.getMetadata().getLabels().get("slipway.dev/app"));
        assertThat(two.getSpec().getImage()).isSameAs(one.getSpec().getImage());
        assertThat(two.getSpec().getConfig().get("GREETING")).isSameAs(one.getSpec().getConfig().get("GREETING"));
        assertThat(two.getStatus().getConditions().get(0).getMessage()).isSameAs(one.getStatus().getConditions().get(0).getMessage());
        assertThat(two.getSpec().getProcesses().get("web").getArgs().get(1)).isSameAs(one.getSpec().getProcesses().get("web").getArgs().get(1));
        assertThat(two.getMetadata().getUid()).isEqualTo("shared-2");
    }

    @Test
    void anUnreadableStatusLeavesTheSpecReadAndSaysWhere() {
        Release release = serialization.unmarshal(release("bad-status").replace("\"version\": 7", "\"version\": {\"not\": \"a number\"}"), Release.class);

        assertThat(release.getSpec().getImage()).isEqualTo("registry.example/shop:7");
        assertThat(release.getStatus()).isNull();
        assertThat(release.isReadable()).isFalse();
        assertThat(release.isStatusReadable()).isFalse();
        assertThat(release.getReadProblem()).startsWith("status.version: ");
    }

    @Test
    void aValueBeyondItsTypeInTheSpecNamesTheFieldAndKeepsTheStatus() {
        String app = """
            {"apiVersion": "slipway.dev/v1alpha1", "kind": "App", "metadata": {"name": "shop", "namespace": "prod"},
             "spec": {"processes": {"web": {"replicas": 3000000000}}},
             "status": {"observedGeneration": 2}}
            """;
        App read = serialization.unmarshal(app, App.class);

        assertThat(read.getSpec()).isNull();
        assertThat(read.getStatus()).isNotNull();
        assertThat(read.isStatusReadable()).isTrue();
        assertThat(read.getReadProblem()).startsWith("spec.processes.web.replicas: ").contains("out of range");
    }

    @Test
    void aConfigValueThatIsNotAStringIsNamedButNeverShown() {
        Release release = serialization.unmarshal(release("bad-config").replace("\"GREETING\": \"hello\"", "\"PASSWORD\": {\"s3cr3t\": 1}"), Release.class);

        assertThat(release.getSpec()).isNull();
        assertThat(release.getReadProblem()).isEqualTo("spec.config.PASSWORD: not a string").doesNotContain("s3cr3t");
    }

    @Test
    void specAndStatusProblemsAreBothRecorded() {
        Release release = serialization.unmarshal(release("both-bad").replace("\"description\": \"Deploy 7\"", "\"description\": [1]")
            .replace("\"observedGeneration\": 1", "\"observedGeneration\": \"one\""), Release.class);

        assertThat(release.getReadProblem()).contains("spec.description").contains("status.observedGeneration").contains("; ");
        assertThat(release.isStatusReadable()).isFalse();
    }

    @Test
    void anUnknownPhaseIsReadAsNoneAndAbsentPartsStayNull() {
        Release release = serialization.unmarshal("""
            {"apiVersion": "slipway.dev/v1alpha1", "kind": "Release", "metadata": {"name": "r"},
             "status": {"phase": "Beamed", "version": 3}}
            """, Release.class);

        assertThat(release.isReadable()).isTrue();
        assertThat(release.getSpec()).isNull();
        assertThat(release.getStatus().getPhase()).isNull();
        assertThat(release.getStatus().getVersion()).isEqualTo(3L);
    }

    @Test
    void everyObjectOfAListIsReadOnItsOwn() {
        String list = "{\"apiVersion\": \"slipway.dev/v1alpha1\", \"kind\": \"ReleaseList\", \"metadata\": {}, \"items\": ["
            + release("list-1") + "," + release("list-2").replace("shop-b7", "shop-b8").replace("\"version\": 7", "\"version\": []") + ","
            + release("list-3").replace("shop-b7", "shop-b9") + "]}";
        List<Release> items = serialization.unmarshal(new java.io.ByteArrayInputStream(list.getBytes(java.nio.charset.StandardCharsets.UTF_8)), new TypeReference<DefaultKubernetesResourceList<Release>>() {
        }).getItems();

        assertThat(items).extracting(r -> r.getMetadata().getName()).containsExactly("shop-b7", "shop-b8", "shop-b9");
        assertThat(items).extracting(Release::isReadable).containsExactly(true, false, true);
        assertThat(items.get(2).getStatus().getVersion()).isEqualTo(7L);
    }

    @Test
    void malformedJsonIsStillAnError() {
        assertThatThrownBy(() -> serialization.unmarshal("{\"metadata\": {\"name\": \"r\"}, \"spec\": {\"app\": ", Release.class))
            .isInstanceOf(RuntimeException.class);
    }
}

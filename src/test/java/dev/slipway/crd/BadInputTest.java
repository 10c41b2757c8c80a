package dev.slipway.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input a real API server rejects with the CRDs in crds/: each case is a valid object with one mistake
 * (a JSON merge patch), and the readable message the user gets. Input the schema cannot judge is reported by
 * the operator instead (see dev.slipway.reconcile.InvalidInputTest and OperatorReportedBadInputTest).
 */
class BadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP = """
        {"apiVersion":"slipway.dev/v1alpha1","kind":"App","metadata":{"name":"shop","namespace":"shop"},
         "spec":{"processes":{"web":{"replicas":2,"port":5000},"worker":{}},"config":{"LOG_LEVEL":"info"},
                 "historyLimit":10,"rollout":{"progressDeadlineSeconds":600,"autoRollback":true}}}""";
    private static final String RELEASE = """
        {"apiVersion":"slipway.dev/v1alpha1","kind":"Release","metadata":{"name":"shop-a","namespace":"shop"},
         "spec":{"app":"shop","image":"registry.example/shop/web:1","config":{"A":"1"}}}""";
    private static final String NUMBERED = "{\"status\":{\"version\":3,\"phase\":\"Active\"}}";
    private static final String ROLLBACK = """
        {"apiVersion":"slipway.dev/v1alpha1","kind":"Rollback","metadata":{"name":"undo","namespace":"shop"},
         "spec":{"app":"shop","to":3}}""";
    private static final String PROMOTION = """
        {"apiVersion":"slipway.dev/v1alpha1","kind":"Promotion","metadata":{"name":"ship","namespace":"shop"},
         "spec":{"app":"shop","release":"v3"}}""";

    static Stream<Arguments> badInput() {
        return Stream.of(
            bad("process name with capitals", "apps", APP, "{\"spec\":{\"processes\":{\"Web\":{}}}}", "process names must be DNS labels"),
            bad("process name with underscore", "apps", APP, "{\"spec\":{\"processes\":{\"web_1\":{}}}}", "process names must be DNS labels"),
            bad("process name starting with '-'", "apps", APP, "{\"spec\":{\"processes\":{\"-web\":{}}}}", "process names must be DNS labels"),
            bad("app and process name too long for a Service", "apps", APP,
                "{\"metadata\":{\"name\":\"" + "a".repeat(40) + "\"},\"spec\":{\"processes\":{\"" + "w".repeat(30) + "\":{}}}}",
                "<app>-<process> must be at most 63 characters"),
            bad("negative replicas", "apps", APP, "{\"spec\":{\"processes\":{\"web\":{\"replicas\":-1}}}}", "minimum value of 0"),
            bad("port 0", "apps", APP, "{\"spec\":{\"processes\":{\"web\":{\"port\":0}}}}", "minimum value of 1"),
            bad("port above 65535", "apps", APP, "{\"spec\":{\"processes\":{\"web\":{\"port\":70000}}}}", "maximum value of 65535"),
            bad("config name starting with a digit", "apps", APP, "{\"spec\":{\"config\":{\"1ABC\":\"x\"}}}", "config var names must consist of"),
            bad("config name with a space", "apps", APP, "{\"spec\":{\"config\":{\"A B\":\"x\"}}}", "config var names must consist of"),
            bad("reserved config name", "apps", APP, "{\"spec\":{\"config\":{\"SLIPWAY_APP\":\"x\"}}}", "reserved for the metadata vars"),
            bad("non-string config value", "apps", APP, "{\"spec\":{\"config\":{\"PORT\":5000}}}", "integer found, string expected"),
            bad("object config value", "apps", APP, "{\"spec\":{\"config\":{\"A\":{\"b\":1}}}}", "object found, string expected"),
            bad("negative historyLimit", "apps", APP, "{\"spec\":{\"historyLimit\":-1}}", "minimum value of 0"),
            bad("huge historyLimit", "apps", APP, "{\"spec\":{\"historyLimit\":5000}}", "maximum value of 1000"),
            bad("progress deadline under 10 s", "apps", APP, "{\"spec\":{\"rollout\":{\"progressDeadlineSeconds\":5}}}", "minimum value of 10"),
            bad("autoRollback as a string", "apps", APP, "{\"spec\":{\"rollout\":{\"autoRollback\":\"yes\"}}}", "string found, boolean expected"),
            bad("pin with a space", "apps", APP, "{\"spec\":{\"release\":\"v 12\"}}", "does not match the regex pattern"),
            bad("pin that is no name nor version", "apps", APP, "{\"spec\":{\"release\":\"Bad_Name\"}}", "does not match the regex pattern"),
            bad("33 processes", "apps", APP, "{\"spec\":{\"processes\":" + many(33, "\"p%d\":{}") + "}}", "must have at most 32 properties"),
            bad("501 config vars", "apps", APP, "{\"spec\":{\"config\":" + many(501, "\"V%d\":\"x\"") + "}}", "must have at most 500 properties"),
            bad("33 envFrom sources", "apps", APP, "{\"spec\":{\"envFrom\":[" + String.join(",", java.util.Collections.nCopies(33,
                "{\"secretRef\":{\"name\":\"s\"}}")) + "]}}", "must have at most 32 items"),
            bad("replicas beyond int32", "apps", APP, "{\"spec\":{\"processes\":{\"web\":{\"replicas\":3000000000}}}}", "maximum value of 2"),
            bad("empty cpu quantity", "apps", APP, process("{\"resources\":{\"limits\":{\"cpu\":\"\"}}}"), "does not match the regex pattern"),
            bad("memory that is no quantity", "apps", APP, process("{\"resources\":{\"requests\":{\"memory\":\"lots\"}}}"),
                "does not match the regex pattern"),
            bad("probe port above 65535", "apps", APP, process("{\"readinessProbe\":{\"httpGet\":{\"path\":\"/\",\"port\":70000}}}"),
                "maximum value of 65535"),
            bad("probe port name in capitals", "apps", APP, process("{\"livenessProbe\":{\"tcpSocket\":{\"port\":\"HTTP\"}}}"),
                "does not match the regex pattern"),
            bad("probe without port", "apps", APP, process("{\"readinessProbe\":{\"httpGet\":{\"path\":\"/\"}}}"), "required property 'port' not found"),
            bad("negative probe period", "apps", APP, process("{\"readinessProbe\":{\"periodSeconds\":-1}}"), "minimum value of 0"),
            bad("probe timeout beyond int32", "apps", APP, process("{\"livenessProbe\":{\"timeoutSeconds\":3000000000}}"), "maximum value of 2"),
            bad("probe scheme FTP", "apps", APP, process("{\"readinessProbe\":{\"httpGet\":{\"port\":80,\"scheme\":\"FTP\"}}}"),
                "does not match the regex pattern"),
            bad("argument over 32 KiB", "apps", APP, process("{\"args\":[\"" + "a".repeat(32 * 1024 + 1) + "\"]}"), "must be at most 32,768 characters long"),
            bad("config value over 128 KiB", "apps", APP, "{\"spec\":{\"config\":{\"BIG\":\"" + "x".repeat(128 * 1024 + 1) + "\"}}}",
                "must be at most 131,072 characters long"),
            bad("pod label value over 63 characters", "apps", APP, "{\"spec\":{\"podTemplate\":{\"labels\":{\"team\":\"" + "t".repeat(64) + "\"}}}}",
                "must be at most 63 characters long"),
            bad("pod label value with a space", "apps", APP, "{\"spec\":{\"podTemplate\":{\"labels\":{\"team\":\"a b\"}}}}",
                "does not match the regex pattern"),
            bad("toleration operator Maybe", "apps", APP, "{\"spec\":{\"podTemplate\":{\"tolerations\":[{\"key\":\"k\",\"operator\":\"Maybe\"}]}}}",
                "does not match the regex pattern"),
            bad("negative user id", "apps", APP, "{\"spec\":{\"podTemplate\":{\"securityContext\":{\"runAsUser\":-1}}}}", "minimum value of 0"),
            bad("envFrom Secret name over 253 characters", "apps", APP, "{\"spec\":{\"envFrom\":[{\"secretRef\":{\"name\":\"" + "s".repeat(254) + "\"}}]}}",
                "must be at most 253 characters long"),
            bad("release without app", "releases", RELEASE, "{\"spec\":{\"app\":null}}", "required property 'app' not found"),
            bad("release without image", "releases", RELEASE, "{\"spec\":{\"image\":null}}", "required property 'image' not found"),
            bad("image with a space", "releases", RELEASE, "{\"spec\":{\"image\":\"registry example/web\"}}", "does not match the regex pattern"),
            bad("app name with capitals", "releases", RELEASE, "{\"spec\":{\"app\":\"Shop\"}}", "does not match the regex pattern"),
            bad("app name over 63 characters", "releases", RELEASE, "{\"spec\":{\"app\":\"" + "a".repeat(64) + "\"}}", "must be at most 63 characters long"),
            bad("unknown cause", "releases", RELEASE, "{\"spec\":{\"cause\":\"Manual\"}}", "does not have a value in the enumeration"),
            bad("rollbackOf 0", "releases", RELEASE, "{\"spec\":{\"rollbackOf\":0}}", "minimum value of 1"),
            bad("release config name invalid", "releases", RELEASE, "{\"spec\":{\"config\":{\"9LIVES\":\"x\"}}}", "config var names must consist of"),
            bad("description over 1024 characters", "releases", RELEASE, "{\"spec\":{\"description\":\"" + "d".repeat(1025) + "\"}}", "must be at most 1,024 characters long"),
            badUpdate("image changed after numbering", "releases", RELEASE, "{\"spec\":{\"image\":\"registry.example/shop/web:2\"}}", NUMBERED,
                "a numbered Release is immutable"),
            badUpdate("config removed after numbering", "releases", RELEASE, "{\"spec\":{\"config\":null}}", NUMBERED, "a numbered Release is immutable"),
            badUpdate("config changed after numbering", "releases", RELEASE, "{\"spec\":{\"config\":{\"A\":\"2\"}}}", NUMBERED, "a numbered Release is immutable"),
            bad("rollback without app", "rollbacks", ROLLBACK, "{\"spec\":{\"app\":null}}", "required property 'app' not found"),
            bad("rollback target 0", "rollbacks", ROLLBACK, "{\"spec\":{\"to\":0}}", "minimum value of 1"),
            bad("rollback target with a space", "rollbacks", ROLLBACK, "{\"spec\":{\"to\":\"v 3\"}}", "does not match the regex pattern"),
            bad("rollback target as an object", "rollbacks", ROLLBACK, "{\"spec\":{\"to\":{\"version\":3}}}", "object found, integer expected"),
            bad("force as a string", "rollbacks", ROLLBACK, "{\"spec\":{\"force\":\"true\"}}", "string found, boolean expected"),
            badUpdate("rollback target changed", "rollbacks", ROLLBACK, "{\"spec\":{\"to\":4}}", "{}", "a Rollback is a one-shot request"),
            bad("promotion without release", "promotions", PROMOTION, "{\"spec\":{\"release\":null}}", "required property 'release' not found"),
            bad("promotion target 0", "promotions", PROMOTION, "{\"spec\":{\"release\":0}}", "minimum value of 1"),
            badUpdate("promotion target changed", "promotions", PROMOTION, "{\"spec\":{\"release\":4}}", "{}",
                "a Promotion is a one-shot request"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void isRejectedWithAReadableMessage(String name, String plural, String object, String old, String message) throws Exception {
        ApiServerValidation server = ApiServerValidation.of(plural);
        var problems = old == null ? server.create(object) : server.update(object, old);
        assertThat(problems).as(name).anySatisfy(problem -> assertThat(problem).contains(message));
    }

    @Test
    void theValidObjectsTheCasesStartFromAreAccepted() throws Exception {
        assertThat(ApiServerValidation.of("apps").create(APP)).isEmpty();
        assertThat(ApiServerValidation.of("releases").create(RELEASE)).isEmpty();
        assertThat(ApiServerValidation.of("rollbacks").create(ROLLBACK)).isEmpty();
        assertThat(ApiServerValidation.of("rollbacks").create(merge(ROLLBACK, "{\"spec\":{\"to\":\"v3\"}}"))).isEmpty();
        assertThat(ApiServerValidation.of("promotions").create(PROMOTION)).isEmpty();
        assertThat(ApiServerValidation.of("promotions").create(merge(PROMOTION, "{\"spec\":{\"release\":3}}"))).isEmpty();
        String numbered = merge(merge(RELEASE, "{\"spec\":{\"config\":null}}"), NUMBERED);
        assertThat(ApiServerValidation.of("releases").update(merge(numbered, "{\"spec\":{\"config\":{\"A\":\"1\"}}}"), numbered))
            .as("the one-time config inheritance").isEmpty();
    }

    @Test
    void atLeastThirtyBadInputsAreTried() {
        assertThat(badInput().count()).isGreaterThanOrEqualTo(30);
    }

    private static Arguments bad(String name, String plural, String base, String patch, String message) {
        return Arguments.of(name, plural, merge(base, patch), null, message);
    }

    /** An update from {@code base + oldPatch} to {@code base + oldPatch + patch}. */
    private static Arguments badUpdate(String name, String plural, String base, String patch, String oldPatch, String message) {
        String old = merge(base, oldPatch);
        return Arguments.of(name, plural, merge(old, patch), old, message);
    }

    /** A patch of the web process. */
    private static String process(String patch) {
        return "{\"spec\":{\"processes\":{\"web\":" + patch + "}}}";
    }

    private static String many(int count, String format) {
        StringBuilder map = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            map.append(i == 0 ? "" : ",").append(String.format(format, i));
        }
        return map.append("}").toString();
    }

    /** RFC 7386 JSON merge patch. */
    static String merge(String target, String patch) {
        try {
            return merge((ObjectNode) JSON.readTree(target), JSON.readTree(patch)).toString();
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode merge(ObjectNode target, JsonNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                target.remove(field.getKey());
            } else if (field.getValue().isObject() && target.get(field.getKey()) instanceof ObjectNode child) {
                merge(child, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
        return target;
    }
}

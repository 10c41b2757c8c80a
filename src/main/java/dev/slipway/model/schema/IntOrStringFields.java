package dev.slipway.model.schema;

import java.util.List;
import java.util.stream.Stream;

/**
 * Bounds of the int-or-string fields. Fabric8's CRD generator writes an IntOrString or Quantity as
 * {@code anyOf: [integer, string]} and drops {@code @Min}, {@code @Max}, {@code @Size} and {@code @Pattern} on it,
 * so the CRD generation (CrdFiles in the tests) adds these to the schema at the path given: the CRD's plural, then
 * the property path from the object's root, {@code {}} for a map's values. The numeric bounds apply to integers,
 * the length and pattern to strings, as in Kubernetes' own schemas.
 */
public final class IntOrStringFields {
    /** One field: where it is and what it may hold; a null bound is not set. */
    public record Field(String crd, String path, Long minimum, Long maximum, int maxLength, String pattern) {
    }

    private static final String PROCESS = "spec.processes{}.";

    /** The process fields are in the App's formation and in a Release's process templates alike. */
    public static final List<Field> ALL = Stream.concat(
        Stream.of("apps", "releases").flatMap(IntOrStringFields::processFields),
        Stream.of(new Field("rollbacks", "spec.to", 1L, (long) Bounds.INT32_MAX, Bounds.NAME, Bounds.RELEASE_REF_PATTERN),
            new Field("promotions", "spec.release", 1L, (long) Bounds.INT32_MAX, Bounds.NAME, Bounds.RELEASE_REF_PATTERN))).toList();

    private IntOrStringFields() {
    }

    private static Stream<Field> processFields(String crd) {
        return Stream.of(
            quantity(crd, PROCESS + "resources.limits{}"),
            quantity(crd, PROCESS + "resources.requests{}"),
            port(crd, PROCESS + "readinessProbe.httpGet.port"),
            port(crd, PROCESS + "readinessProbe.tcpSocket.port"),
            port(crd, PROCESS + "livenessProbe.httpGet.port"),
            port(crd, PROCESS + "livenessProbe.tcpSocket.port"));
    }

    /** Kubernetes' OpenAPI bounds a quantity by its pattern only; a number (cpu: 2) is any integer. */
    private static Field quantity(String crd, String path) {
        return new Field(crd, path, null, null, Bounds.QUANTITY, Bounds.QUANTITY_PATTERN);
    }

    private static Field port(String crd, String path) {
        return new Field(crd, path, 1L, (long) Bounds.PORT_MAX, Bounds.PORT_NAME, Bounds.PORT_NAME_PATTERN);
    }
}

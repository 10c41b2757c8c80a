package dev.slipway.model.schema;

import java.util.List;

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

    public static final List<Field> ALL = List.of(
        quantity(PROCESS + "resources.limits{}"),
        quantity(PROCESS + "resources.requests{}"),
        port(PROCESS + "readinessProbe.httpGet.port"),
        port(PROCESS + "readinessProbe.tcpSocket.port"),
        port(PROCESS + "livenessProbe.httpGet.port"),
        port(PROCESS + "livenessProbe.tcpSocket.port"),
        new Field("rollbacks", "spec.to", 1L, (long) Bounds.INT32_MAX, Bounds.NAME, Bounds.RELEASE_REF_PATTERN),
        new Field("promotions", "spec.release", 1L, (long) Bounds.INT32_MAX, Bounds.NAME, Bounds.RELEASE_REF_PATTERN));

    private IntOrStringFields() {
    }

    /** Kubernetes' OpenAPI bounds a quantity by its pattern only; a number (cpu: 2) is any integer. */
    private static Field quantity(String path) {
        return new Field("apps", path, null, null, Bounds.QUANTITY, Bounds.QUANTITY_PATTERN);
    }

    private static Field port(String path) {
        return new Field("apps", path, 1L, (long) Bounds.PORT_MAX, Bounds.PORT_NAME, Bounds.PORT_NAME_PATTERN);
    }
}

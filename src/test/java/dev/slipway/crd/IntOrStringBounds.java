package dev.slipway.crd;

import dev.slipway.model.schema.IntOrStringFields;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;

/**
 * Puts the bounds of {@link IntOrStringFields} on the int-or-string schemas, which the generator writes without
 * them. A path that leads nowhere, or to a field that is not int-or-string, fails the generation: a renamed field
 * must not silently lose its bounds.
 */
final class IntOrStringBounds implements CRDPostProcessor {

    @Override
    public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
        if (crd instanceof CustomResourceDefinition definition) {
            String plural = definition.getSpec().getNames().getPlural();
            for (CustomResourceDefinitionVersion version : definition.getSpec().getVersions()) {
                JSONSchemaProps root = version.getSchema().getOpenAPIV3Schema();
                IntOrStringFields.ALL.stream().filter(f -> f.crd().equals(plural)).forEach(f -> bound(at(root, f.path()), f));
            }
        }
        return crd;
    }

    private static void bound(JSONSchemaProps schema, IntOrStringFields.Field field) {
        if (!Boolean.TRUE.equals(schema.getXKubernetesIntOrString())) {
            throw new IllegalStateException(field.crd() + " " + field.path() + " is not an int-or-string field");
        }
        if (field.minimum() != null) {
            schema.setMinimum(field.minimum().doubleValue());
        }
        if (field.maximum() != null) {
            schema.setMaximum(field.maximum().doubleValue());
        }
        schema.setMaxLength(Long.valueOf(field.maxLength()));
        schema.setPattern(field.pattern());
    }

    /** The schema at a path like {@code spec.processes{}.resources.limits{}} ({} = a map's values). */
    private static JSONSchemaProps at(JSONSchemaProps root, String path) {
        JSONSchemaProps schema = root;
        for (String part : path.split("\\.")) {
            boolean mapValues = part.endsWith("{}");
            String name = mapValues ? part.substring(0, part.length() - 2) : part;
            schema = schema.getProperties() == null ? null : schema.getProperties().get(name);
            if (schema != null && mapValues) {
                schema = schema.getAdditionalProperties() == null ? null : schema.getAdditionalProperties().getSchema();
            }
            if (schema == null) {
                throw new IllegalStateException("no schema at " + path + " (at " + part + ")");
            }
        }
        return schema;
    }
}

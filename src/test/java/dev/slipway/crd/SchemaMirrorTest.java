package dev.slipway.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.slipway.model.AppSpec;
import dev.slipway.model.PodTemplateOverrides;
import dev.slipway.model.ProcessTemplate;
import dev.slipway.model.ReleaseSpec;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The schemas that stand in for core/v1 types ({@code @SchemaFrom}) have exactly the fields of the Fabric8 type
 * the model reads: a field missing from the schema would be pruned by the API server without a word, a field the
 * type lacks would be accepted and then lost by the operator.
 */
class SchemaMirrorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Class<?>> MODEL = List.of(AppSpec.class, ReleaseSpec.class, ProcessTemplate.class, PodTemplateOverrides.class);

    @Test
    void everySchemaStandInHasTheFieldsOfTheTypeItStandsFor() {
        List<Field> standIns = new ArrayList<>();
        for (Class<?> type : MODEL) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(SchemaFrom.class)) {
                    standIns.add(field);
                }
            }
        }
        assertThat(standIns).hasSizeGreaterThanOrEqualTo(8);
        for (Field field : standIns) {
            JavaType modelType = JSON.constructType(field.getGenericType());
            JavaType schemaType = JSON.constructType(field.getAnnotation(SchemaFrom.class).type());
            assertThat(paths(schemaType, "")).as("%s.%s", field.getDeclaringClass().getSimpleName(), field.getName())
                .isEqualTo(paths(modelType, ""));
        }
    }

    @Test
    void theComparisonSeesNestedFields() {
        assertThat(paths(JSON.constructType(io.fabric8.kubernetes.api.model.Probe.class), ""))
            .contains("httpGet.httpHeaders.name", "grpc.port", "exec.command");
    }

    /** Property paths of a type, through nested objects, list items and map values. */
    private static Set<String> paths(JavaType type, String prefix) {
        Set<String> paths = new TreeSet<>();
        JavaType element = type.isContainerType() ? type.getContentType() : type;
        Class<?> raw = element.getRawClass();
        if (raw.isPrimitive() || raw.getName().startsWith("java.") || raw == IntOrString.class || raw == Quantity.class) {
            return paths;
        }
        BeanDescription bean = JSON.getSerializationConfig().introspect(element);
        for (BeanPropertyDefinition property : bean.findProperties()) {
            String path = prefix + property.getName();
            paths.add(path);
            paths.addAll(paths(property.getPrimaryType(), path + "."));
        }
        return paths;
    }
}

package dev.slipway.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Statuses are compared by equals before the operator decides to write one. Equals must see every field the API
 * server stores, including fields added later: each field is changed in turn, and equals must agree with the JSON.
 */
class StatusEqualityTest {
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    static Stream<Class<?>> statuses() {
        return Stream.of(ReleaseStatus.class, AppStatus.class);
    }

    @ParameterizedTest
    @MethodSource("statuses")
    void aStatusReadBackFromJsonEqualsTheOneWritten(Class<?> kind) throws Exception {
        Object written = filled(kind, 0);
        Object read = JSON.unmarshal(JSON.asJson(written), kind);

        assertThat(read).isEqualTo(written).hasSameHashCodeAs(written);
    }

    @ParameterizedTest
    @MethodSource("statuses")
    void changingAnyStoredFieldMakesItDifferent(Class<?> kind) throws Exception {
        Object base = filled(kind, 0);
        for (Field field : stored(kind)) {
            Object changed = filled(kind, 0);
            field.set(changed, value(field, 1));

            assertThat(JSON.asJson(changed)).as(field.getName()).isNotEqualTo(JSON.asJson(base));
            assertThat(changed).as(field.getName()).isNotEqualTo(base);

            field.set(changed, null);
            assertThat(changed).as(field.getName() + " unset").isNotEqualTo(base);
        }
    }

    private static List<Field> stored(Class<?> kind) {
        return Arrays.stream(kind.getDeclaredFields())
            .filter(f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers()))
            .peek(f -> f.setAccessible(true))
            .toList();
    }

    private static Object filled(Class<?> kind, int variant) throws Exception {
        Object status = kind.getConstructor().newInstance();
        for (Field field : stored(kind)) {
            field.set(status, value(field, variant));
        }
        return status;
    }

    /** A value of the field's type; variants differ from each other. */
    private static Object value(Field field, int variant) {
        Class<?> type = field.getType();
        if (type == Long.class) {
            return 7L + variant;
        }
        if (type == String.class) {
            return field.getName() + "-" + variant;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[variant];
        }
        if (type == ReleaseRef.class) {
            return new ReleaseRef("shop-v" + variant, 3L + variant);
        }
        if (type == List.class && elementType(field) == Condition.class) {
            return List.of(new ConditionBuilder().withType("Ready").withStatus(variant == 0 ? "True" : "False")
                .withReason("Active").withMessage("m").withObservedGeneration(1L).withLastTransitionTime("2026-12-05T00:00:00Z").build());
        }
        if (type == Map.class) {
            return Map.of("web", new ProcessStatus(2, 2, 2 - variant));
        }
        throw new AssertionError("StatusEqualityTest has no value for " + field + ": add one, and the field to equals");
    }

    private static Class<?> elementType(Field field) {
        return (Class<?>) ((ParameterizedType) field.getGenericType()).getActualTypeArguments()[0];
    }
}

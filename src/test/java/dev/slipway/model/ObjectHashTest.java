package dev.slipway.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The four kinds hash by namespace, name and resourceVersion, consistently with equals ({@link ObjectHash}). */
class ObjectHashTest {
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    static Stream<Supplier<CustomResource<?, ?>>> kinds() {
        return Stream.of(App::new, Release::new, Rollback::new, Promotion::new);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void equalObjectsHashAlike(Supplier<CustomResource<?, ?>> kind) {
        CustomResource<?, ?> object = named(kind.get(), "7");
        CustomResource<?, ?> copy = JSON.unmarshal(JSON.asJson(object), object.getClass());

        assertThat(copy).isEqualTo(object).hasSameHashCodeAs(object);
    }

    /** Fabric8's hash walks spec and status: a release's spec and status may be KiBs, hashed on every pass. */
    @ParameterizedTest
    @MethodSource("kinds")
    void theHashDoesNotReadSpecOrStatus(Supplier<CustomResource<?, ?>> kind) {
        CustomResource<?, ?> object = named(kind.get(), "7");
        int before = object.hashCode();
        fill(object);

        assertThat(object.hashCode()).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anotherVersionOrNameIsAnotherEntryOfASet(Supplier<CustomResource<?, ?>> kind) {
        Set<Object> set = new HashSet<>(List.of(named(kind.get(), "7"), named(kind.get(), "8")));
        CustomResource<?, ?> other = kind.get();
        other.setMetadata(new ObjectMetaBuilder().withNamespace("shop").withName("other").withResourceVersion("7").build());
        set.add(other);
        set.add(named(kind.get(), "7"));

        assertThat(set).hasSize(3);
    }

    private static CustomResource<?, ?> named(CustomResource<?, ?> object, String resourceVersion) {
        object.setMetadata(new ObjectMetaBuilder().withNamespace("shop").withName("web").withResourceVersion(resourceVersion).build());
        return object;
    }

    private static void fill(CustomResource<?, ?> object) {
        if (object instanceof App app) {
            app.setSpec(new AppSpec());
            app.getSpec().setConfig(Map.of("LOG_LEVEL", "debug"));
            app.setStatus(new AppStatus());
        } else if (object instanceof Release release) {
            release.setSpec(new ReleaseSpec());
            release.getSpec().setImage("registry.example/shop/web:1");
            release.setStatus(new ReleaseStatus());
            release.getStatus().setVersion(3L);
        } else if (object instanceof Rollback rollback) {
            rollback.setSpec(new RollbackSpec());
            rollback.getSpec().setApp("web");
            rollback.setStatus(new RollbackStatus());
        } else if (object instanceof Promotion promotion) {
            promotion.setSpec(new PromotionSpec());
            promotion.getSpec().setApp("web");
            promotion.setStatus(new RequestStatus());
        }
    }
}

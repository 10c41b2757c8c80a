package dev.slipway.cli;

import dev.slipway.model.App;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.HashMap;
import java.util.Map;

/** Sets or clears App.spec.release with a JSON merge patch: it touches the pin and nothing else. */
final class Pins {
    private Pins() {
    }

    /** @param pin "v12", or null to remove the pin */
    static void set(Session session, String app, String pin) {
        Map<String, Object> spec = new HashMap<>();
        spec.put("release", pin);
        session.client().resources(App.class).inNamespace(session.namespace()).withName(app)
            .patch(PatchContext.of(PatchType.JSON_MERGE), session.client().getKubernetesSerialization().asJson(Map.of("spec", spec)));
    }
}

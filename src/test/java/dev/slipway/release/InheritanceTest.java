package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.App;
import dev.slipway.model.AppSpec;
import dev.slipway.model.ProcessSpec;
import dev.slipway.model.ProcessTemplate;
import dev.slipway.model.Release;
import dev.slipway.model.ReleaseSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InheritanceTest {

    @Test
    void aReleaseWithoutTemplatesTakesTheAppsWithoutReplicas() {
        Release filled = Inheritance.fill(release(null), app(), null, 1);

        assertThat(filled.getSpec().getProcesses()).containsOnlyKeys("web");
        assertThat(filled.getSpec().getProcesses().get("web")).isNotInstanceOf(ProcessSpec.class);
        assertThat(filled.getSpec().getProcesses().get("web").getCommand()).containsExactly("bin/web");
    }

    @Test
    void aReleaseWithItsOwnTemplatesKeepsThem() {
        ProcessTemplate clock = new ProcessTemplate();
        clock.setCommand(List.of("bin/clock"));

        Release filled = Inheritance.fill(release(Map.of("clock", clock)), app(), null, 1);

        assertThat(filled.getSpec().getProcesses()).containsOnlyKeys("clock");
    }

    private static App app() {
        App app = new App();
        app.setMetadata(new ObjectMetaBuilder().withName("shop").withNamespace("shop").withUid("uid-shop").build());
        AppSpec spec = new AppSpec();
        ProcessSpec web = new ProcessSpec();
        web.setReplicas(2);
        web.setCommand(List.of("bin/web"));
        spec.setProcesses(Map.of("web", web));
        app.setSpec(spec);
        return app;
    }

    private static Release release(Map<String, ProcessTemplate> processes) {
        Release release = new Release();
        release.setMetadata(new ObjectMetaBuilder().withName("shop-a").withNamespace("shop").build());
        ReleaseSpec spec = new ReleaseSpec();
        spec.setApp("shop");
        spec.setImage("registry.example/shop/web:1");
        spec.setProcesses(processes);
        release.setSpec(spec);
        return release;
    }
}

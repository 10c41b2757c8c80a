package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.App;
import dev.slipway.model.AppSpec;
import dev.slipway.model.Cause;
import dev.slipway.model.ProcessSpec;
import dev.slipway.model.ProcessTemplate;
import dev.slipway.model.Release;
import dev.slipway.model.ReleaseSource;
import dev.slipway.model.Slipway;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NewReleasesTest {
    private static final EnvFromSource SHARED =
        new EnvFromSourceBuilder().withNewConfigMapRef().withName("shared").endConfigMapRef().build();

    private static App app() {
        App app = new App();
        app.setMetadata(new ObjectMetaBuilder().withName("myapp").withNamespace("shop").withUid("app-uid").build());
        return app;
    }

    private static Release target() {
        Release release = TargetSelectionTest.release("myapp-6d58b1ce", 3);
        release.getSpec().setImage("registry.example/shop/myapp@sha256:abc");
        ReleaseSource source = new ReleaseSource();
        source.setCommit("6d58b1ce");
        source.setBranch("main");
        release.getSpec().setSource(source);
        release.getSpec().setConfig(new LinkedHashMap<>(Map.of("LOG_LEVEL", "info")));
        release.getSpec().setEnvFrom(new ArrayList<>(List.of(SHARED)));
        release.getSpec().setDescription("Deploy 6d58b1ce");
        release.getSpec().setCause(Cause.Deploy);
        return release;
    }

    private static Release configRelease(Release build) {
        return NewReleases.of(app(), 7, build, Map.of("FOO", "bar"), List.of(), null, Cause.Config, null, "Set FOO",
            Map.of(Slipway.ANNOTATION_CONFIG_DIGEST, "sha256:1"));
    }

    private static Release rollback(Release target) {
        return NewReleases.rollbackTo(app(), 7, target, Cause.Rollback, "Rollback to v3",
            Map.of(Slipway.ANNOTATION_ROLLBACK, "myapp-rollback-x"));
    }

    @Test
    void aRollbackCopiesTheTargetsTemplatesAsACopy() {
        Release target = target();
        ProcessTemplate web = new ProcessTemplate();
        web.setCommand(List.of("bin/web"));
        web.setPort(5000);
        target.getSpec().setProcesses(Map.of("web", web));

        Release made = rollback(target);

        assertThat(made.getSpec().getProcesses()).containsOnlyKeys("web");
        assertThat(made.getSpec().getProcesses().get("web").getPort()).isEqualTo(5000);
        assertThat(made.getSpec().getProcesses().get("web")).isNotSameAs(web);
    }

    @Test
    void aCopyOfAReleaseWithoutTemplatesTakesTheAppsWithoutReplicas() {
        App app = app();
        AppSpec spec = new AppSpec();
        ProcessSpec worker = new ProcessSpec();
        worker.setReplicas(3);
        worker.setCommand(List.of("bin/worker"));
        spec.setProcesses(Map.of("worker", worker));
        app.setSpec(spec);

        Release made = NewReleases.rollbackTo(app, 7, target(), Cause.Rollback, "Rollback to v3", Map.of());

        assertThat(made.getSpec().getProcesses().get("worker")).isNotInstanceOf(ProcessSpec.class);
        assertThat(made.getSpec().getProcesses().get("worker").getCommand()).containsExactly("bin/worker");
    }

    @Test
    void nameIsAppDashVersion() {
        assertThat(NewReleases.name(app(), 12)).isEqualTo("myapp-v12");
        assertThat(configRelease(target()).getMetadata().getName()).isEqualTo("myapp-v7");
    }

    @Test
    void livesInTheAppsNamespace() {
        assertThat(configRelease(target()).getMetadata().getNamespace()).isEqualTo("shop");
    }

    @Test
    void carriesAppAndVersionLabels() {
        assertThat(configRelease(target()).getMetadata().getLabels())
            .containsExactlyInAnyOrderEntriesOf(Map.of(Slipway.LABEL_APP, "myapp", Slipway.LABEL_VERSION, "7"));
    }

    @Test
    void isOwnedButNotControlledByTheApp() {
        List<OwnerReference> owners = configRelease(target()).getMetadata().getOwnerReferences();
        assertThat(owners).hasSize(1);
        OwnerReference owner = owners.get(0);
        assertThat(owner.getKind()).isEqualTo("App");
        assertThat(owner.getApiVersion()).isEqualTo(Slipway.API_VERSION);
        assertThat(owner.getName()).isEqualTo("myapp");
        assertThat(owner.getUid()).isEqualTo("app-uid");
        assertThat(owner.getController()).isFalse();
    }

    @Test
    void copiesImageAndSourceOfTheBuild() {
        Release release = configRelease(target());
        assertThat(release.getSpec().getApp()).isEqualTo("myapp");
        assertThat(release.getSpec().getImage()).isEqualTo("registry.example/shop/myapp@sha256:abc");
        assertThat(release.getSpec().getSource().getCommit()).isEqualTo("6d58b1ce");
        assertThat(release.getSpec().getSource().getBranch()).isEqualTo("main");
    }

    @Test
    void usesTheGivenConfigEnvFromCauseAndDescription() {
        Release release = configRelease(target());
        assertThat(release.getSpec().getConfig()).containsExactlyEntriesOf(Map.of("FOO", "bar"));
        assertThat(release.getSpec().getEnvFrom()).isEmpty();
        assertThat(release.getSpec().getCause()).isEqualTo(Cause.Config);
        assertThat(release.getSpec().getRollbackOf()).isNull();
        assertThat(release.getSpec().getDescription()).isEqualTo("Set FOO");
    }

    @Test
    void carriesTheGivenAnnotations() {
        assertThat(configRelease(target()).getMetadata().getAnnotations())
            .containsExactlyEntriesOf(Map.of(Slipway.ANNOTATION_CONFIG_DIGEST, "sha256:1"));
    }

    @Test
    void nullConfigAndEnvFromBecomeEmpty() {
        Release release = NewReleases.of(app(), 7, target(), null, null, null, Cause.Config, null, "Update config", Map.of());
        assertThat(release.getSpec().getConfig()).isEmpty();
        assertThat(release.getSpec().getEnvFrom()).isEmpty();
    }

    @Test
    void rollbackCopiesTheTargetsBuildAndConfig() {
        Release release = rollback(target());
        assertThat(release.getSpec().getImage()).isEqualTo("registry.example/shop/myapp@sha256:abc");
        assertThat(release.getSpec().getConfig()).containsExactlyEntriesOf(Map.of("LOG_LEVEL", "info"));
        assertThat(release.getSpec().getEnvFrom()).containsExactly(SHARED);
    }

    @Test
    void rollbackRecordsTheTargetVersionCauseAndDescription() {
        Release release = rollback(target());
        assertThat(release.getSpec().getRollbackOf()).isEqualTo(3L);
        assertThat(release.getSpec().getCause()).isEqualTo(Cause.Rollback);
        assertThat(release.getSpec().getDescription()).isEqualTo("Rollback to v3");
        assertThat(release.getMetadata().getName()).isEqualTo("myapp-v7");
        assertThat(release.getMetadata().getAnnotations()).containsEntry(Slipway.ANNOTATION_ROLLBACK, "myapp-rollback-x");
    }

    @Test
    void copyDoesNotShareTheConfigMap() {
        Release target = target();
        Release release = rollback(target);
        target.getSpec().getConfig().put("LOG_LEVEL", "debug");
        release.getSpec().getConfig().put("EXTRA", "1");
        assertThat(release.getSpec().getConfig()).containsEntry("LOG_LEVEL", "info");
        assertThat(target.getSpec().getConfig()).doesNotContainKey("EXTRA");
    }

    @Test
    void copyDoesNotShareTheEnvFromList() {
        Release target = target();
        Release release = rollback(target);
        target.getSpec().getEnvFrom().clear();
        assertThat(release.getSpec().getEnvFrom()).hasSize(1);
    }

    @Test
    void copyDoesNotShareTheSource() {
        Release target = target();
        Release release = rollback(target);
        target.getSpec().getSource().setCommit("other");
        assertThat(release.getSpec().getSource().getCommit()).isEqualTo("6d58b1ce");
    }

    @Test
    void copyDoesNotShareTheAnnotationsMap() {
        Map<String, String> annotations = new HashMap<>(Map.of("a", "1"));
        Release release = NewReleases.of(app(), 7, target(), Map.of(), List.of(), null, Cause.Config, null, "d", annotations);
        annotations.put("b", "2");
        assertThat(release.getMetadata().getAnnotations()).containsOnlyKeys("a");
    }
}

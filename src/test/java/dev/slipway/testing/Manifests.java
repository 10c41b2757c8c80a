package dev.slipway.testing;

import dev.slipway.model.App;
import dev.slipway.model.AppSpec;
import dev.slipway.model.ProcessSpec;
import dev.slipway.model.Promotion;
import dev.slipway.model.PromotionSpec;
import dev.slipway.model.Release;
import dev.slipway.model.ReleaseSource;
import dev.slipway.model.ReleaseSpec;
import dev.slipway.model.RolloutPolicy;
import dev.slipway.model.Rollback;
import dev.slipway.model.RollbackSpec;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders for the objects users apply, kept terse so tests read like the YAML they stand for. */
public final class Manifests {
    public static final String NAMESPACE = "shop";

    private Manifests() {
    }

    /** An App with a "web" process on port 5000 (2 replicas) and a "worker" (1 replica). */
    public static App webAndWorker(String name, Map<String, String> config) {
        ProcessSpec web = process(2, List.of("bin/web"));
        web.setPort(5000);
        App app = app(name, Map.of("web", web, "worker", process(1, List.of("bin/worker"))), config);
        RolloutPolicy rollout = new RolloutPolicy();
        rollout.setProgressDeadlineSeconds(60);
        app.getSpec().setRollout(rollout);
        return app;
    }

    public static App app(String name, Map<String, ProcessSpec> processes, Map<String, String> config) {
        App app = new App();
        app.getMetadata().setName(name);
        app.getMetadata().setNamespace(NAMESPACE);
        AppSpec spec = new AppSpec();
        spec.setProcesses(new LinkedHashMap<>(processes));
        spec.setConfig(config == null ? null : new LinkedHashMap<>(config));
        app.setSpec(spec);
        return app;
    }

    public static ProcessSpec process(Integer replicas, List<String> command) {
        ProcessSpec process = new ProcessSpec();
        process.setReplicas(replicas);
        process.setCommand(command);
        return process;
    }

    public static Release release(String name, String app, String image) {
        Release release = new Release();
        release.getMetadata().setName(name);
        release.getMetadata().setNamespace(NAMESPACE);
        ReleaseSpec spec = new ReleaseSpec();
        spec.setApp(app);
        spec.setImage(image);
        release.setSpec(spec);
        return release;
    }

    public static Rollback rollback(String name, String app, Object to) {
        Rollback rollback = new Rollback();
        rollback.getMetadata().setName(name);
        rollback.getMetadata().setNamespace(NAMESPACE);
        RollbackSpec spec = new RollbackSpec();
        spec.setApp(app);
        if (to instanceof Integer version) {
            spec.setTo(new IntOrString(version));
        } else if (to != null) {
            spec.setTo(new IntOrString(to.toString()));
        }
        rollback.setSpec(spec);
        return rollback;
    }

    public static Promotion promotion(String name, String app, Object release) {
        Promotion promotion = new Promotion();
        promotion.getMetadata().setName(name);
        promotion.getMetadata().setNamespace(NAMESPACE);
        PromotionSpec spec = new PromotionSpec();
        spec.setApp(app);
        if (release instanceof Integer version) {
            spec.setRelease(new IntOrString(version));
        } else if (release != null) {
            spec.setRelease(new IntOrString(release.toString()));
        }
        promotion.setSpec(spec);
        return promotion;
    }

    /**
     * Creates {@code yaml} as the API server gets it, untyped: how a value the model cannot hold (written past
     * the schema, or by a newer CRD) reaches the operator.
     */
    public static void createRaw(KubernetesClient client, String yaml) {
        GenericKubernetesResource object = client.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
        client.genericKubernetesResources(object.getApiVersion(), object.getKind()).inNamespace(NAMESPACE).resource(object).create();
    }

    public static Release release(String name, String app, String image, String commit) {
        Release release = release(name, app, image);
        ReleaseSource source = new ReleaseSource();
        source.setCommit(commit);
        source.setBranch("main");
        release.getSpec().setSource(source);
        return release;
    }
}

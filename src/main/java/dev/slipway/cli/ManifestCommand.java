package dev.slipway.cli;

import dev.slipway.cli.args.CommandSpec;
import dev.slipway.cli.args.Option;
import dev.slipway.cli.args.Positional;
import dev.slipway.desired.DesiredDeployment;
import dev.slipway.desired.DesiredService;
import dev.slipway.desired.Formation;
import dev.slipway.model.App;
import dev.slipway.model.ProcessSpec;
import dev.slipway.model.Release;
import dev.slipway.release.Releases;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesListBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * `releases manifest vN`: the Deployments and Services the operator runs that release as: its own process templates
 * (the App's for a release numbered before releases had them) and the App's current replicas, computed by the
 * operator's own functions. Config values are hidden unless --show-values.
 */
final class ManifestCommand extends SlipwayCommand {
    static final String HIDDEN = "(hidden; --show-values shows it)";

    private String release;
    private boolean showValues;

    @Override
    CommandSpec describe() {
        return new CommandSpec("manifest", "The Deployments and Services a release runs as (YAML unless -o json).")
            .positional(Positional.optional("RELEASE", "v3, 3 or a Release name (default: the newest).", text -> release = ReleaseArgs.check(text)))
            .option(Option.named("--show-values").describe("Show config values in the container env.").flag(on -> showValues = on));
    }

    @Override
    void run(Session session) {
        String appName = options.requireApp();
        App app = session.app(appName);
        Release target = History.of(session, appName).find(release);
        if (!Releases.isNumbered(target)) {
            throw new CliException(Exit.FAILED, "release " + target.getMetadata().getName() + " has no version yet, so it runs as nothing");
        }
        List<HasMetadata> objects = new ArrayList<>();
        // By process name, so that the same release always prints the same manifest.
        Map<String, ProcessSpec> processes = new TreeMap<>(Formation.of(app, target));
        processes.forEach((process, spec) -> {
            objects.add(redacted(DesiredDeployment.of(app, process, spec, target), target));
            if (spec.getPort() != null) {
                objects.add(DesiredService.of(app, process, spec.getPort()));
            }
        });
        KubernetesSerialization serialization = session.client().getKubernetesSerialization();
        if (options.output == Format.json) {
            Printer.printJson(out(), serialization.asJson(new KubernetesListBuilder().withItems(objects).build()));
            return;
        }
        for (HasMetadata object : objects) {
            String yaml = serialization.asYaml(object);
            out().print(yaml.startsWith("---") ? yaml : "---\n" + yaml);
        }
    }

    private Deployment redacted(Deployment deployment, Release release) {
        if (showValues || release.getSpec().getConfig() == null) {
            return deployment;
        }
        Set<String> names = release.getSpec().getConfig().keySet();
        for (var container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
            for (EnvVar var : container.getEnv()) {
                if (names.contains(var.getName())) {
                    var.setValue(HIDDEN);
                }
            }
        }
        return deployment;
    }
}

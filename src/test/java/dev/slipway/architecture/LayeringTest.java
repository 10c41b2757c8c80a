package dev.slipway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The package layering (docs/design-decisions.md, Layering) as rules that fail the build: each layer uses only the
 * ones below it, kubectl-slipway only the pure layers, and nothing uses the plugin.
 */
class LayeringTest {
    /** What kubectl-slipway may use: its own packages and the pure layers, none with an informer or JOSDK. */
    private static final Set<String> PLUGIN_MAY_USE = Set.of("dev.slipway.cli", "dev.slipway.model", "dev.slipway.status",
        "dev.slipway.release", "dev.slipway.rollout", "dev.slipway.validation", "dev.slipway.desired");

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("model").definedBy("dev.slipway.model..")
            .layer("status").definedBy("dev.slipway.status..")
            .layer("decisions").definedBy("dev.slipway.release..", "dev.slipway.rollout..", "dev.slipway.validation..")
            .layer("desired").definedBy("dev.slipway.desired..")
            .layer("workload").definedBy("dev.slipway.workload..")
            .layer("metrics").definedBy("dev.slipway.metrics..")
            .layer("reconcile").definedBy("dev.slipway.reconcile..")
            .layer("runtime").definedBy("dev.slipway.runtime..")
            .layer("plugin").definedBy("dev.slipway.cli..")
            .whereLayer("model").mayNotAccessAnyLayer()
            .whereLayer("status").mayOnlyAccessLayers("model")
            .whereLayer("decisions").mayOnlyAccessLayers("model", "status")
            .whereLayer("desired").mayOnlyAccessLayers("model", "status", "decisions")
            .whereLayer("workload").mayOnlyAccessLayers("model", "status", "decisions", "desired")
            .whereLayer("metrics").mayOnlyAccessLayers("model")
            .whereLayer("reconcile").mayOnlyAccessLayers("model", "status", "decisions", "desired", "workload", "metrics")
            .whereLayer("runtime").mayOnlyAccessLayers("model", "status", "decisions", "desired", "workload", "metrics", "reconcile")
            .whereLayer("plugin").mayOnlyAccessLayers("model", "status", "decisions", "desired")
            // A new package has to take its place in the layering before anything can use it.
            .ensureAllClassesAreContainedInArchitecture()
            .check(ProductionClasses.ALL);
    }

    /**
     * The App pass is planned by pure functions and applied by one executor (docs/design-decisions.md, "The App pass"):
     * only these classes of reconcile/ reach the API server or JOSDK. A new one has to be named here.
     */
    private static final Set<String> RECONCILE_SHELL = Set.of("AppReconciler", "AppEventSources", "AppViews", "PassExecutor",
        "ReleaseCreator", "ReleaseStore", "Ledgers", "Notices", "EventRecorder", "UnreadableObjects", "LeanCache",
        "WriteRefusals", "ReconcileErrors", "ReleaseReconciler", "RollbackReconciler", "PromotionReconciler", "RequestTriage",
        "EnvSources", "EnvSourceAccess", "EnvSnapshotStore", "ScrubbedFailure");

    @Test
    void onlyTheShellOfReconcileReachesTheApiServer() {
        DescribedPredicate<JavaClass> shell = DescribedPredicate.describe("the shell " + RECONCILE_SHELL,
            c -> RECONCILE_SHELL.contains(c.getName().substring(c.getPackageName().length() + 1).split("\\$")[0]));
        noClasses().that().resideInAPackage("dev.slipway.reconcile").and(DescribedPredicate.not(shell))
            .should().dependOnClassesThat().resideInAnyPackage("io.javaoperatorsdk..", "io.fabric8.kubernetes.client",
                "io.fabric8.kubernetes.client.dsl..", "io.fabric8.kubernetes.client.informers..", "dev.slipway.metrics..")
            .because("the planners decide on plain objects; reading, writing and telling are the executor's")
            .check(ProductionClasses.ALL);
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("dev.slipway.(*)..").should().beFreeOfCycles().check(ProductionClasses.ALL);
    }

    @Test
    void releaseNeverUsesWorkload() {
        noClasses().that().resideInAPackage("dev.slipway.release..")
            .should().dependOnClassesThat().resideInAPackage("dev.slipway.workload..")
            .because("release/ decides on plain objects; reading and writing workloads is the operator's shell")
            .check(ProductionClasses.ALL);
    }

    @Test
    void nothingUsesThePlugin() {
        noClasses().that().resideOutsideOfPackage("dev.slipway.cli..")
            .should().dependOnClassesThat().resideInAPackage("dev.slipway.cli..")
            .because("the operator's jar does not depend on the plugin's code")
            .check(ProductionClasses.ALL);
    }

    @Test
    void thePluginUsesOnlyThePureLayersAndItsLibraries() {
        classes().that().resideInAPackage("dev.slipway.cli..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(PluginJar.withLibraries(PLUGIN_MAY_USE))
            .because("kubectl-slipway runs without Quarkus, JOSDK or the operator's reconcilers (docs/cli.md)")
            .check(ProductionClasses.ALL);
    }
}

package dev.slipway.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.BaseConfigurationService;
import io.javaoperatorsdk.operator.api.config.ConfigurationService;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.api.config.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.InformerStoppedHandler;
import io.javaoperatorsdk.operator.api.reconciler.Constants;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.javaoperatorsdk.operator.processing.retry.Retry;
import io.quarkiverse.operatorsdk.runtime.BuildTimeControllerConfiguration;
import io.quarkiverse.operatorsdk.runtime.BuildTimeOperatorConfiguration;
import io.quarkiverse.operatorsdk.runtime.ExternalGradualRetryConfiguration;
import io.quarkiverse.operatorsdk.runtime.RunTimeControllerConfiguration;
import io.quarkiverse.operatorsdk.runtime.RunTimeOperatorConfiguration;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The operator configuration of the packaged operator, for the in-process test operator ({@link OperatorInstance}):
 * read from the same application.properties, through the operator extension's own config mapping (its keys, defaults
 * and conversions), and applied to JOSDK the way the extension applies it (quarkus-operator-sdk 7.4:
 * ConfigurationServiceRecorder, QuarkusConfigurationService). Environment variables are not read: a test does not
 * depend on the shell that runs it. A quarkus.operator-sdk key the mapping does not know fails the read (SRCFG00050),
 * where Quarkus only warns. {@code OperatorConfigurationTest} compares the result with the configuration of the
 * packaged operator, setting by setting.
 * <p>
 * Not applied, because they shape the process rather than the operator a test runs: CRD generation and checks other
 * than {@code crd.validate}, RBAC and manifest generation, {@code start-operator}, {@code async-start}, the shutdown
 * hook of {@code termination-timeout-seconds}, the version check, and leader election, which a test operator runs
 * only as a replica ({@link TestOverride}).
 */
final class PackagedConfiguration {
    private static final String PROPERTIES = "application.properties";

    private final BuildTimeOperatorConfiguration buildTime;
    private final RunTimeOperatorConfiguration runTime;

    private PackagedConfiguration(SmallRyeConfig config) {
        buildTime = config.getConfigMapping(BuildTimeOperatorConfiguration.class);
        runTime = config.getConfigMapping(RunTimeOperatorConfiguration.class);
    }

    /** application.properties as the packaged operator reads it in {@code profile}. */
    static PackagedConfiguration read(String profile) {
        URL properties = PackagedConfiguration.class.getClassLoader().getResource(PROPERTIES);
        if (properties == null) {
            throw new IllegalStateException(PROPERTIES + " is not on the class path");
        }
        try {
            return new PackagedConfiguration(new SmallRyeConfigBuilder()
                .withProfile(profile)
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(properties))
                // Quarkus' own, which also reads "2M" as two minutes.
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(BuildTimeOperatorConfiguration.class)
                .withMapping(RunTimeOperatorConfiguration.class)
                .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operator-wide settings over JOSDK's defaults, with {@code more} applied last. */
    ConfigurationService configurationService(Consumer<ConfigurationServiceOverrider> more) {
        return ConfigurationService.newOverriddenConfigurationService(new WithoutInformerStoppedHandler(), o -> {
            o.withCloseClientOnStop(buildTime.closeClientOnStop())
                .withStopOnInformerErrorDuringStartup(buildTime.stopOnInformerErrorDuringStartup())
                .withUseSSAToPatchPrimaryResource(buildTime.enableSSA())
                .withSSABasedCreateUpdateMatchForDependentResources(buildTime.enableSSA())
                .withCloneSecondaryResourcesWhenGettingFromCache(buildTime.defensiveCloning())
                .checkingCRDAndValidateLocalModel(buildTime.crd().validate())
                .withCacheSyncTimeout(runTime.cacheSyncTimeout());
            runTime.concurrentReconciliationThreads().ifPresent(o::withConcurrentReconciliationThreads);
            runTime.concurrentWorkflowThreads().ifPresent(o::withConcurrentWorkflowExecutorThreads);
            more.accept(o);
        });
    }

    /** A controller's configuration: its annotations, with what application.properties says of it over them. */
    <R extends HasMetadata> ControllerConfiguration<R> controller(ControllerConfiguration<R> annotated) {
        String name = annotated.getName();
        var controller = ControllerConfigurationOverrider.override(annotated);
        BuildTimeControllerConfiguration buildTimeOfController = buildTime.controllers().get(name);
        // As the extension decides for a controller whose annotation leaves generationAwareEventProcessing unset, as
        // Slipway's do; OperatorConfigurationTest fails if one sets it.
        controller.withGenerationAware(Optional.ofNullable(buildTimeOfController).flatMap(BuildTimeControllerConfiguration::generationAware)
            .orElse(buildTime.generationAware().orElse(true)));
        Set<String> annotatedNamespaces = annotated.getInformerConfig().getNamespaces();
        // Namespaces the annotation names stay unless the controller's own setting changes them; the operator-wide
        // setting applies only to a controller whose namespaces neither names.
        boolean namespacesSet = !Constants.DEFAULT_NAMESPACES_SET.equals(annotatedNamespaces);
        RunTimeControllerConfiguration runTimeOfController = runTime.controllers().get(name);
        if (runTimeOfController != null) {
            runTimeOfController.finalizer().ifPresent(controller::withFinalizer);
            runTimeOfController.selector().ifPresent(controller::withLabelSelector);
            runTimeOfController.maxReconciliationInterval().ifPresent(controller::withReconciliationMaxInterval);
            runTimeOfController.fieldSelectors().ifPresent(selectors -> {
                throw new IllegalStateException("quarkus.operator-sdk.controllers." + name + ".field-selectors is set; JOSDK 5.2's"
                    + " ControllerConfigurationOverrider cannot set a field selector, so the test operator cannot run with it");
            });
            controller.withRetry(retry(annotated, runTimeOfController.retry()));
            Optional<Set<String>> ofController = namespaces(runTimeOfController.namespaces()).filter(n -> !n.equals(annotatedNamespaces));
            ofController.ifPresent(controller::settingNamespaces);
            namespacesSet |= ofController.isPresent();
        }
        if (!namespacesSet) {
            namespaces(runTime.namespaces()).ifPresent(controller::settingNamespaces);
        }
        return controller.build();
    }

    /**
     * The namespaces a setting asks for: none when it is left at the extension's marker for "not set", all of them
     * when it is set empty.
     */
    private static Optional<Set<String>> namespaces(Optional<List<String>> setting) {
        if (setting.isEmpty()) {
            return Optional.of(Constants.DEFAULT_NAMESPACES_SET);
        }
        Set<String> namespaces = new HashSet<>(setting.get());
        return io.quarkiverse.operatorsdk.runtime.Constants.QOSDK_USE_BUILDTIME_NAMESPACES_SET.equals(namespaces)
            ? Optional.empty() : Optional.of(namespaces);
    }

    /** The annotation's GradualRetry, with the attempts and intervals application.properties sets over it. */
    private static Retry retry(ControllerConfiguration<?> annotated, ExternalGradualRetryConfiguration configured) {
        if (!(annotated.getRetry() instanceof GenericRetry annotatedRetry)) {
            // The extension ignores them then, with a warning.
            return annotated.getRetry();
        }
        GenericRetry retry = new GenericRetry()
            .setMaxAttempts(annotatedRetry.getMaxAttempts())
            .setInitialInterval(annotatedRetry.getInitialInterval())
            .setIntervalMultiplier(annotatedRetry.getIntervalMultiplier())
            .setMaxInterval(annotatedRetry.getMaxInterval());
        configured.maxAttempts().ifPresent(retry::setMaxAttempts);
        configured.interval().initial().ifPresent(retry::setInitialInterval);
        configured.interval().max().ifPresent(retry::setMaxInterval);
        configured.interval().multiplier().ifPresent(retry::setIntervalMultiplier);
        return retry;
    }

    /**
     * The extension hands JOSDK an InformerStoppedHandler only when the application defines one as a bean (Slipway's is
     * {@code LostInformerExit}, which ends the process); the test operator installs it with an exit that stops the
     * in-process operator instead ({@link OperatorInstance}). JOSDK's own default would exit the test JVM.
     */
    private static final class WithoutInformerStoppedHandler extends BaseConfigurationService {
        @Override
        public Optional<InformerStoppedHandler> getInformerStoppedHandler() {
            return Optional.empty();
        }
    }
}

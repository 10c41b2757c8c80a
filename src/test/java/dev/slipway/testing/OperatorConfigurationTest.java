package dev.slipway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.app.InProcessApiServerResource;
import dev.slipway.runtime.LeaderElection;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.RegisteredController;
import io.javaoperatorsdk.operator.api.config.ConfigurationService;
import io.javaoperatorsdk.operator.api.config.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.informer.FieldSelector;
import io.javaoperatorsdk.operator.api.config.informer.InformerConfiguration;
import io.javaoperatorsdk.operator.processing.event.rate.LinearRateLimiter;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The test operator runs with the configuration of the packaged one: every setting JOSDK reads, of the operator and of
 * each controller and its informer, compared between the operator the Quarkus extension built here and one built as
 * {@link OperatorInstance} builds it, in the same profile. Settings are every public no-argument getter, so one that a
 * newer JOSDK adds is compared too. Only {@link TestOverride}'s, and the few below that are not settings, are left out.
 */
@QuarkusTest
@QuarkusTestResource(InProcessApiServerResource.class)
class OperatorConfigurationTest {
    /** Getters that are not settings, and why they are not compared; by full name, or for every controller by getter name. */
    private static final Map<String, String> NOT_SETTINGS = Map.of(
        "operator.getExecutorService", "makes a thread pool of concurrentReconciliationThreads, which is compared",
        "operator.getWorkflowExecutorService", "makes a thread pool of concurrentWorkflowExecutorThreads, which is compared",
        "operator.getExecutorServiceManager", "made of the two above",
        "operator.getResourceCloner", "a new Cloner per call, in both",
        "operator.getVersion", "the versions of the SDK, which the extension reports with its own",
        "operator.getKnownReconcilerNames", "the extension knows its controllers before they are registered, JOSDK only"
            + " after; the registered controllers are compared by name",
        "operator.dependentResourceFactory", "Slipway has no dependent resources (each controller's workflow spec is compared)",
        "operator.getWorkflowFactory", "Slipway has no workflows (each controller's workflow spec is compared)",
        "getConfigurationService", "the operator's, compared above",
        "getInformerConfig", "compared setting by setting, as <controller>.informer");
    private static final Set<String> OVERRIDDEN =
        Arrays.stream(TestOverride.values()).flatMap(o -> o.settings.stream()).collect(Collectors.toSet());

    @Inject
    Operator packaged;

    @Inject
    KubernetesClient client;

    @Inject
    LeaderElection election;

    @Test
    void theTestOperatorRunsWithThePackagedConfiguration() {
        Operator test = OperatorInstance.operator(PackagedConfiguration.read(profile()), client, new SimpleMeterRegistry(), null,
            OperatorInstance.reconcilers(new SimpleMeterRegistry()));

        Map<String, Object> expected = settings(packaged);
        Map<String, Object> actual = settings(test);

        assertThat(actual.keySet()).as("the same controllers, and the same settings of each").isEqualTo(expected.keySet());
        assertThat(differences(expected, actual)).as("settings of the test operator that differ from the packaged one's").isEmpty();
    }

    @Test
    void aReplicaCompetesForThePackagedOperatorsLease() {
        Map<String, Object> expected = settings("leaderElection.", election, LeaderElectionConfiguration.class);
        Map<String, Object> actual = settings("leaderElection.", OperatorInstance.replica("slipway-system", "replica-1"),
            LeaderElectionConfiguration.class);

        assertThat(differences(expected, actual)).as("Lease settings of a test replica that differ from the packaged one's").isEmpty();
    }

    @Test
    void eachOverrideNamesSettingsThatExist() {
        Set<String> known = new TreeSet<>();
        known.addAll(operatorSettings(packaged).keySet());
        known.addAll(settings("leaderElection.", election, LeaderElectionConfiguration.class).keySet());
        for (TestOverride override : TestOverride.values()) {
            assertThat(known).as("settings of %s", override).containsAll(override.settings);
        }
    }

    /** The profile the packaged operator runs in here: the test profile. */
    private static String profile() {
        return ConfigUtils.getProfiles().get(0);
    }

    /** "name: packaged X, test Y" for each setting compared that differs. */
    private static List<String> differences(Map<String, Object> expected, Map<String, Object> actual) {
        return expected.keySet().stream()
            .filter(name -> !OVERRIDDEN.contains(name) && !String.valueOf(expected.get(name)).equals(String.valueOf(actual.get(name))))
            .map(name -> name + ": packaged " + expected.get(name) + ", test " + actual.get(name))
            .toList();
    }

    private static Map<String, Object> settings(Operator operator) {
        Map<String, Object> settings = operatorSettings(operator);
        for (RegisteredController<?> registered : operator.getRegisteredControllers()) {
            ControllerConfiguration<?> controller = registered.getConfiguration();
            settings.putAll(settings(controller.getName() + ".", controller, ControllerConfiguration.class));
            settings.putAll(settings(controller.getName() + ".informer.", controller.getInformerConfig(), InformerConfiguration.class));
        }
        return settings;
    }

    private static Map<String, Object> operatorSettings(Operator operator) {
        return settings("operator.", operator.getConfigurationService(), ConfigurationService.class);
    }

    /** Each public no-argument getter of {@code type}, by "prefix + method name", but those not compared. */
    private static Map<String, Object> settings(String prefix, Object config, Class<?> type) {
        Map<String, Object> settings = new TreeMap<>();
        for (Method getter : type.getMethods()) {
            String name = prefix + getter.getName();
            if (getter.getParameterCount() > 0 || Modifier.isStatic(getter.getModifiers()) || getter.getDeclaringClass() == Object.class
                || NOT_SETTINGS.containsKey(name) || NOT_SETTINGS.containsKey(getter.getName())) {
                continue;
            }
            // Named, but not called: an override may be something a test operator cannot even make (a second client).
            settings.put(name, OVERRIDDEN.contains(name) ? "(overridden)" : comparable(invoke(getter, config)));
        }
        return settings;
    }

    private static Object invoke(Method getter, Object config) {
        try {
            return getter.invoke(config);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + getter, e);
        }
    }

    /**
     * A value two configurations can be compared by: as it is when it is a plain value, by its settings when it is a
     * retry or a rate limiter, and otherwise by its class (which implementation of a filter, item store or metrics).
     */
    private static Object comparable(Object value) {
        if (value instanceof Optional<?> optional) {
            return optional.map(OperatorConfigurationTest::comparable).orElse("none");
        }
        if (value == null || value instanceof FieldSelector selector && selector.getFields().isEmpty()) {
            return "none";
        }
        if (value instanceof FieldSelector selector) {
            return comparable(selector.getFields());
        }
        if (value instanceof Boolean || value instanceof Number || value instanceof String || value instanceof java.time.Duration
            || value instanceof Class<?> || value instanceof Enum<?> || value instanceof Record) {
            return value;
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(v -> String.valueOf(comparable(v))).collect(Collectors.toCollection(TreeSet::new));
        }
        if (value instanceof GenericRetry retry) {
            return "GenericRetry(maxAttempts=" + retry.getMaxAttempts() + ", initialInterval=" + retry.getInitialInterval()
                + ", intervalMultiplier=" + retry.getIntervalMultiplier() + ", maxInterval=" + retry.getMaxInterval() + ")";
        }
        if (value instanceof LinearRateLimiter limiter) {
            return "LinearRateLimiter(activated=" + limiter.isActivated() + ", refreshPeriod=" + limiter.getRefreshPeriod()
                + ", limitForPeriod=" + limiter.getLimitForPeriod() + ")";
        }
        return value.getClass().getName();
    }
}

package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.EnvSnapshot;
import dev.slipway.model.Release;
import dev.slipway.release.EnvSource;
import dev.slipway.release.SourceContent;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.TransformingItemStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Secrets and ConfigMaps Apps with {@code spec.snapshotEnvFrom} use, read from informers that exist only for them:
 * one per kind and namespace, registered with JOSDK when the first opted-in App of that namespace is reconciled. An
 * operator whose Apps do not opt in never watches or reads a Secret. The caches keep digests in place of values
 * ({@link SourceContent#digested}). An event maps to the Apps whose last pass named the object (an index this class
 * keeps), so a change of any other Secret of the namespace reconciles nothing.
 */
final class EnvSources {
    /** How long an App's sources must stay unchanged before a change is acted on: the changes of one burst make one release. */
    static final Duration QUIET = Duration.ofSeconds(2);

    private final Clock clock;
    private final Map<String, Set<ResourceID>> users = new ConcurrentHashMap<>();
    private final Map<ResourceID, Set<String>> named = new ConcurrentHashMap<>();
    private final Map<ResourceID, Fingerprint> seen = new ConcurrentHashMap<>();
    private final EnvSourceAccess access = new EnvSourceAccess();

    private record Fingerprint(String content, Instant since) {
    }

    EnvSources(Clock clock) {
        this.clock = clock;
    }

    /** The App's sources and snapshots as cached; {@link EnvView#NONE} for an App that does not opt in. */
    EnvView view(App app, List<Release> releases, Context<App> context) {
        ResourceID id = ResourceID.fromResource(app);
        if (app.getSpec() == null || !Boolean.TRUE.equals(app.getSpec().getSnapshotEnvFrom())) {
            forget(id);
            return EnvView.NONE;
        }
        String namespace = app.getMetadata().getNamespace();
        access.check(context.getClient(), namespace);
        InformerEventSource<Secret, App> secrets = informer(Secret.class, namespace, context);
        InformerEventSource<ConfigMap, App> configMaps = informer(ConfigMap.class, namespace, context);
        Set<EnvSource> sources = new HashSet<>(EnvSource.of(app.getSpec().getEnvFrom()));
        Set<EnvSnapshot> snapshots = new HashSet<>();
        for (Release release : releases) {
            if (release.isReadable() && release.getSpec() != null) {
                sources.addAll(EnvSource.of(release.getSpec().getEnvFrom()));
                if (release.getSpec().getEnvSnapshots() != null) {
                    snapshots.addAll(release.getSpec().getEnvSnapshots());
                }
            }
        }
        remember(id, sources.stream().map(s -> namespace + "/" + s.key()).collect(Collectors.toSet()));
        Map<String, SourceContent> live = new TreeMap<>();
        for (EnvSource source : sources) {
            content(source.kind(), source.name(), namespace, secrets, configMaps).ifPresent(c -> live.put(source.key(), c));
        }
        Map<String, SourceContent> copies = new HashMap<>();
        for (EnvSnapshot snapshot : snapshots) {
            content(snapshot.getKind(), snapshot.getName(), namespace, secrets, configMaps).ifPresent(c -> copies.put(snapshot.getName(), c));
        }
        return new EnvView(true, live, copies, settlesIn(id, live.toString()));
    }

    /** The cache of {@code kind} in {@code namespace}, registered and started on first use. */
    <R extends HasMetadata> InformerEventSource<R, App> informer(Class<R> kind, String namespace, Context<App> context) {
        var retriever = context.eventSourceRetriever();
        UnaryOperator<R> digested = kind == Secret.class
            ? object -> kind.cast(SourceContent.digested((Secret) object))
            : object -> kind.cast(SourceContent.digested((ConfigMap) object));
        String kindName = kind == Secret.class ? EnvSnapshot.SECRET : EnvSnapshot.CONFIG_MAP;
        var configuration = InformerEventSourceConfiguration.from(kind, App.class)
            .withName("env-" + kind.getSimpleName().toLowerCase() + "s-" + namespace)
            .withNamespaces(Set.of(namespace))
            .withFollowControllerNamespacesChanges(false)
            .withItemStore(new TransformingItemStore<>(digested))
            .withSecondaryToPrimaryMapper((R object) -> users.getOrDefault(
                object.getMetadata().getNamespace() + "/" + EnvSource.key(kindName, object.getMetadata().getName()), Set.of()))
            .build();
        @SuppressWarnings("unchecked")
        InformerEventSource<R, App> informer = (InformerEventSource<R, App>) retriever.dynamicallyRegisterEventSource(
            new InformerEventSource<>(configuration, retriever.eventSourceContextForDynamicRegistration()));
        return informer;
    }

    private static Optional<SourceContent> content(String kind, String name, String namespace,
                                                             InformerEventSource<Secret, App> secrets,
                                                             InformerEventSource<ConfigMap, App> configMaps) {
        ResourceID id = new ResourceID(name, namespace);
        return EnvSnapshot.SECRET.equals(kind) ? secrets.get(id).map(SourceContent::of) : configMaps.get(id).map(SourceContent::of);
    }

    /** Zero once what the sources hold has stayed the same for {@link #QUIET}; the first look after a start counts as a change. */
    private Duration settlesIn(ResourceID app, String content) {
        Instant now = clock.instant();
        Fingerprint before = seen.compute(app, (id, old) -> old != null && old.content().equals(content) ? old : new Fingerprint(content, now));
        Duration left = Duration.between(now, before.since().plus(QUIET));
        return left.isNegative() || left.isZero() ? Duration.ZERO : left;
    }

    private void remember(ResourceID app, Set<String> keys) {
        Set<String> before = named.put(app, keys);
        Stream.ofNullable(before).flatMap(Set::stream).filter(key -> !keys.contains(key))
            .forEach(key -> users.computeIfPresent(key, (k, apps) -> without(apps, app)));
        keys.forEach(key -> users.compute(key, (k, apps) -> {
            Set<ResourceID> updated = apps == null ? ConcurrentHashMap.newKeySet() : apps;
            updated.add(app);
            return updated;
        }));
    }

    private void forget(ResourceID app) {
        seen.remove(app);
        Set<String> before = named.remove(app);
        Stream.ofNullable(before).flatMap(Set::stream).forEach(key -> users.computeIfPresent(key, (k, apps) -> without(apps, app)));
    }

    private static Set<ResourceID> without(Set<ResourceID> apps, ResourceID app) {
        apps.remove(app);
        return apps.isEmpty() ? null : apps;
    }
}

package dev.slipway.release;

import dev.slipway.model.EnvSnapshot;
import dev.slipway.model.Release;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Whether the Secrets and ConfigMaps a release's envFrom names hold something else than its snapshots: all sources
 * are compared at once, so changes found together make one release. A missing source that is not optional is no
 * change: the pods keep running on their copy, and a release of it could not be numbered.
 */
public final class EnvChanges {
    private EnvChanges() {
    }

    /**
     * @param description e.g. "Rotate Secret db-credentials: PASSWORD" (names of objects and keys, never values)
     * @param digest      of what the sources hold now, which identifies the request for a release
     */
    public record Change(String description, String digest) {
    }

    /**
     * The snapshot each source was last taken as, by {@link EnvSource#key()}, empty when it was missing then (optional): from
     * the newest release that took its own (a rollback reuses older ones), so the older values a rollback runs again are
     * not taken for a change and undone.
     *
     * @param releases the App's releases
     */
    public static Map<String, Optional<EnvSnapshot>> lastTaken(List<Release> releases) {
        Map<String, Optional<EnvSnapshot>> taken = new TreeMap<>();
        releases.stream().filter(Releases::isNumbered).filter(r -> r.getSpec().getRollbackOf() == null)
            .filter(r -> r.getSpec().getEnvSnapshots() != null)
            .sorted(Releases.BY_VERSION.reversed())
            .forEach(r -> EnvSource.of(r.getSpec().getEnvFrom())
                .forEach(source -> taken.putIfAbsent(source.key(), Optional.ofNullable(source.in(r.getSpec().getEnvSnapshots())))));
        return taken;
    }

    /**
     * @param release   the release whose sources are compared, and whose build a release for the change copies
     * @param lastTaken what each source was last taken as ({@link #lastTaken}); a source not in it is compared with the
     *                  release's own snapshot
     * @param live      the content of a source now, by {@link EnvSource#key()}; empty when it does not exist
     * @param snapshots the content of a snapshot, by its name; empty when not known
     */
    public static Optional<Change> of(String app, Release release, Map<String, Optional<EnvSnapshot>> lastTaken,
                                      Function<String, Optional<SourceContent>> live, Function<String, Optional<SourceContent>> snapshots) {
        List<EnvSnapshot> copies = release.getSpec().getEnvSnapshots();
        List<String> parts = new ArrayList<>();
        Map<String, String> now = new TreeMap<>();
        for (EnvSource source : EnvSource.of(release.getSpec().getEnvFrom())) {
            Optional<SourceContent> content = live.apply(source.key());
            EnvSnapshot copy = copies == null ? null
                : lastTaken.containsKey(source.key()) ? lastTaken.get(source.key()).orElse(null) : source.in(copies);
            if (content.isEmpty()) {
                if (copy != null && source.optional()) {
                    parts.add(source.label() + ": removed");
                    now.put(source.key(), "removed");
                }
                continue;
            }
            String name = content.get().snapshotName(app);
            now.put(source.key(), name);
            if (copy == null) {
                parts.add(copies == null ? source.label() : source.label() + ": " + String.join(", ", content.get().keyDigests().keySet()));
            } else if (!copy.getName().equals(name)) {
                parts.add(source.label() + changedKeys(content.get(), copy, snapshots));
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        String verb = copies == null ? "Snapshot " : "Rotate ";
        return Optional.of(new Change(verb + String.join(copies == null ? ", " : "; ", parts),
            "sha256:" + SourceContent.sha256(now.toString()).substring(0, 32)));
    }

    private static String changedKeys(SourceContent now, EnvSnapshot copy, Function<String, Optional<SourceContent>> snapshots) {
        Optional<SourceContent> before = snapshots.apply(copy.getName());
        if (before.isEmpty()) {
            return "";
        }
        TreeSet<String> keys = new TreeSet<>(now.keyDigests().keySet());
        keys.addAll(before.get().keyDigests().keySet());
        keys.removeIf(key -> Objects.equals(now.keyDigests().get(key), before.get().keyDigests().get(key)));
        return keys.isEmpty() ? "" : ": " + String.join(", ", keys);
    }
}

package dev.slipway.release;

import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which releases {@code historyLimit} removes: the oldest inactive ones, until at most historyLimit inactive
 * releases remain. Never the active release, never the target, never one newer than the active release,
 * never one still rolling out, never the last good release an automatic rollback of the active one would copy,
 * and never one another tool keeps ({@link Ownership}): those stay and are reported.
 */
public final class Pruning {
    private Pruning() {
    }

    /**
     * @param prune          the releases to delete, oldest first
     * @param keptElsewhere  releases over the limit that another tool keeps, oldest first, with that tool
     */
    public record Plan(List<Release> prune, Map<Release, String> keptElsewhere) {
    }

    /** As {@link #toPrune}, setting aside releases another tool keeps. */
    public static Plan plan(List<Release> numbered, Release active, Release target, int historyLimit) {
        List<Release> prune = new ArrayList<>();
        Map<Release, String> keptElsewhere = new LinkedHashMap<>();
        for (Release release : toPrune(numbered, active, target, historyLimit)) {
            Ownership.managedElsewhere(release).ifPresentOrElse(tool -> keptElsewhere.put(release, tool), () -> prune.add(release));
        }
        return new Plan(prune, keptElsewhere);
    }

    /**
     * The releases over the limit, whoever keeps them.
     *
     * @param active the active release (status.activeRelease), present in {@code numbered}
     * @param target the release that should run, or null
     */
    public static List<Release> toPrune(List<Release> numbered, Release active, Release target, int historyLimit) {
        if (active == null) {
            return List.of();
        }
        long activeVersion = Releases.version(active);
        Set<String> protectedNames = new HashSet<>();
        protectedNames.add(active.getMetadata().getName());
        if (target != null) {
            protectedNames.add(target.getMetadata().getName());
        }
        LastGoodRelease.before(numbered, activeVersion).ifPresent(r -> protectedNames.add(r.getMetadata().getName()));

        long inactive = numbered.stream().filter(r -> !r.getMetadata().getName().equals(active.getMetadata().getName())).count();
        List<Release> candidates = numbered.stream()
            .filter(r -> Releases.version(r) < activeVersion)
            .filter(r -> !protectedNames.contains(r.getMetadata().getName()))
            .filter(r -> Releases.phase(r) != ReleasePhase.Deploying)
            .sorted(Comparator.comparing(Releases::version))
            .collect(Collectors.toCollection(ArrayList::new));
        long excess = inactive - historyLimit;
        return excess <= 0 ? List.of() : candidates.subList(0, (int) Math.min(excess, candidates.size()));
    }
}

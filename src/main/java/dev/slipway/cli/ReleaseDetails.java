package dev.slipway.cli;

import dev.slipway.model.Release;
import dev.slipway.model.ReleaseSource;
import dev.slipway.release.Releases;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything `releases info` shows. Config values are only included when asked for (--show-values): they
 * are often secrets, and a history listing is shared in chats and tickets. {@code envFrom}: the Secrets and ConfigMaps
 * the release's snapshots copy, with their keys (names only).
 */
record ReleaseDetails(String app, Long version, String name, String change, String by, String createdAt, String image,
                      ReleaseSource source, List<String> configNames, Map<String, String> config, String phase,
                      String message, String cause, Long rollbackOf, String deployedAt, String supersededAt, List<String> envFrom) {

    static ReleaseDetails of(Release release, boolean showValues) {
        Map<String, String> config = new TreeMap<>(release.getSpec().getConfig() == null ? Map.of() : release.getSpec().getConfig());
        var status = release.getStatus();
        return new ReleaseDetails(release.getSpec().getApp(), Releases.version(release), release.getMetadata().getName(),
            release.getSpec().getDescription(), History.by(release), release.getMetadata().getCreationTimestamp(),
            release.getSpec().getImage(), release.getSpec().getSource(), List.copyOf(config.keySet()),
            showValues ? config : null,
            Releases.phase(release) == null ? "Pending" : Releases.phase(release).name(),
            status == null ? null : status.getMessage(), Releases.cause(release).name(), release.getSpec().getRollbackOf(),
            status == null ? null : status.getDeployedAt(), status == null ? null : status.getSupersededAt(),
            EnvFromLines.of(release));
    }
}

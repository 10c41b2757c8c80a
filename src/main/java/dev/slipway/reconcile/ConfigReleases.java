package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.AppSpec;
import dev.slipway.model.AppStatus;
import dev.slipway.model.Cause;
import dev.slipway.model.ProcessTemplate;
import dev.slipway.model.Release;
import dev.slipway.model.Slipway;
import dev.slipway.release.ConfigChange;
import dev.slipway.release.NewReleases;
import dev.slipway.release.ProcessChange;
import dev.slipway.release.Releases;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A change of App.spec.config or envFrom, or of the process templates of App.spec.processes (all but replicas),
 * compared with the digests the operator last acted on (App.status.appliedConfigDigest, appliedProcessesDigest), makes
 * a release of the running build with the new config or templates. Both changed in one edit make one release: cause
 * Config, the description naming both (docs/design-decisions.md).
 */
final class ConfigReleases {
    private ConfigReleases() {
    }

    static String specDigest(App app) {
        AppSpec spec = app.getSpec();
        return ConfigChange.digest(spec.getConfig(), spec.getEnvFrom());
    }

    static String processesDigest(App app) {
        return ProcessChange.digest(ProcessChange.templates(app.getSpec().getProcesses()));
    }

    /**
     * @param build  the release whose build the new release copies ({@link ConfigBase}), or null before the first release
     * @param active the release whose rollout completed last, or null
     * @param newest the newest release of the App, numbered or not, or null
     */
    static Optional<RequestedRelease> release(App app, SpecDigests digests, Release build, Release active, Release newest, List<Release> all,
                                              Claims claims) {
        if (build == null) {
            return Optional.empty();
        }
        AppSpec spec = app.getSpec();
        AppStatus status = app.getStatus();
        String configDigest = digests.config();
        Map<String, ProcessTemplate> templates = ProcessChange.templates(spec.getProcesses());
        String processesDigest = digests.processes();
        boolean config = due(status == null ? null : status.getAppliedConfigDigest(), configDigest, Slipway.ANNOTATION_CONFIG_DIGEST,
            build, all) && !(newest != null
                && ConfigChange.same(newest.getSpec().getConfig(), newest.getSpec().getEnvFrom(), spec.getConfig(), spec.getEnvFrom()));
        boolean processes = due(status == null ? null : status.getAppliedProcessesDigest(), processesDigest,
            Slipway.ANNOTATION_PROCESSES_DIGEST, build, all) && !runsTemplates(newest, templates);
        if (!config && !processes) {
            return Optional.empty();
        }
        Release before = configOf(build, active);
        List<String> changes = new ArrayList<>();
        Map<String, String> annotations = new LinkedHashMap<>();
        if (config) {
            changes.add(ConfigChange.describe(before.getSpec().getConfig(), before.getSpec().getEnvFrom(), spec.getConfig(), spec.getEnvFrom()));
            annotations.put(Slipway.ANNOTATION_CONFIG_DIGEST, configDigest);
        }
        if (processes) {
            String change = ProcessChange.describe(templatesOf(app, build), templates);
            changes.add(changes.isEmpty() ? change : Character.toLowerCase(change.charAt(0)) + change.substring(1));
            annotations.put(Slipway.ANNOTATION_PROCESSES_DIGEST, processesDigest);
        }
        String description = String.join("; ", changes);
        if (config) {
            changedBy(app, configDigest).ifPresent(by -> annotations.put(Slipway.ANNOTATION_CREATED_BY, by));
        }
        // The request is named by what the plugin waits for (the config digest) when config changed.
        String key = config ? Slipway.ANNOTATION_CONFIG_DIGEST : Slipway.ANNOTATION_PROCESSES_DIGEST;
        String value = config ? configDigest : processesDigest;
        Release release = claims.forRequest(key, value, version -> NewReleases.of(app, version, build,
            config ? spec.getConfig() : before.getSpec().getConfig(), config ? spec.getEnvFrom() : before.getSpec().getEnvFrom(),
            processes ? templates : build.getSpec().getProcesses(), config ? Cause.Config : Cause.Processes, null, description,
            annotations));
        long version = claims.versionOf(release);
        return Optional.of(RequestedRelease.toCreate(release, key, value, version, null, List.of(
            Notice.info(ConfigReleases.class, "App " + app.getMetadata().getNamespace() + "/" + app.getMetadata().getName()
                + ": " + (config ? "config" : "processes") + " changed (" + description + "); created v" + version
                + " from the build of " + Releases.label(build)))));
    }

    /**
     * Whether the spec's digest differs from the one acted on and no release was made for it since {@code build}. Nothing
     * is due before the operator first acted on the App: the spec then seeds the first release.
     */
    private static boolean due(String applied, String digest, String annotation, Release build, List<Release> all) {
        if (applied == null || applied.equals(digest)) {
            return false;
        }
        return all.stream().filter(RequestedRelease.annotated(Map.of(annotation, digest))).noneMatch(r -> madeAfter(r, build));
    }

    /** Whether {@code newest} runs {@code templates}: its own, or, waiting to inherit them, the App's. */
    private static boolean runsTemplates(Release newest, Map<String, ProcessTemplate> templates) {
        if (newest == null) {
            return false;
        }
        Map<String, ProcessTemplate> own = newest.getSpec().getProcesses();
        return own == null ? !Releases.isNumbered(newest) : ProcessChange.same(own, templates);
    }

    /** The templates {@code build} runs with: its own, or the App's for a release without them (old, or to inherit). */
    private static Map<String, ProcessTemplate> templatesOf(App app, Release build) {
        Map<String, ProcessTemplate> own = build.getSpec().getProcesses();
        return own != null ? own : ProcessChange.templates(app.getSpec().getProcesses());
    }

    /** Whether a release for a change was made after {@code build}: unnumbered still, or after it by version or creation. */
    static boolean madeAfter(Release release, Release build) {
        if (!Releases.isNumbered(release)) {
            return true;
        }
        return Releases.isNumbered(build) ? Releases.version(release) > Releases.version(build)
            : Releases.CREATION_ORDER.compare(release, build) > 0;
    }

    /** The release whose config the new one replaces: the build's, or, for a release yet to inherit one, the running config. */
    private static Release configOf(Release build, Release active) {
        boolean inherits = build.getSpec().getConfig() == null && build.getSpec().getEnvFrom() == null;
        return inherits && active != null ? active : build;
    }

    /**
     * Who made this config, when kubectl-slipway recorded it for exactly this config: an edit by other means
     * (kubectl edit, GitOps) leaves the annotations behind with another digest, and stays unattributed.
     */
    static Optional<String> changedBy(App app, String digest) {
        Map<String, String> annotations = app.getMetadata().getAnnotations();
        if (annotations == null || !digest.equals(annotations.get(Slipway.ANNOTATION_CONFIG_CHANGED_DIGEST))) {
            return Optional.empty();
        }
        return Optional.ofNullable(annotations.get(Slipway.ANNOTATION_CONFIG_CHANGED_BY));
    }
}

package dev.slipway.reconcile;

import dev.slipway.model.App;

/**
 * The digests of an App's config and process templates for one pass, each computed when first asked: the config
 * releases of the first phase and the applied digests of the last ask for the same two, and each is a JSON
 * serialization and a SHA-256 of the spec. Not shared between threads: one pass, one instance.
 */
final class SpecDigests {
    private final App app;
    private String config;
    private String processes;

    SpecDigests(App app) {
        this.app = app;
    }

    /** App.spec.config and envFrom ({@link ConfigReleases#specDigest}). */
    String config() {
        if (config == null) {
            config = ConfigReleases.specDigest(app);
        }
        return config;
    }

    /** The process templates of App.spec.processes ({@link ConfigReleases#processesDigest}). */
    String processes() {
        if (processes == null) {
            processes = ConfigReleases.processesDigest(app);
        }
        return processes;
    }
}

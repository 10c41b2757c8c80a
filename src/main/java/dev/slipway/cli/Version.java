package dev.slipway.cli;

/** The version in the jar manifest (Implementation-Version), written by the build. */
final class Version {
    private Version() {
    }

    static String get() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}

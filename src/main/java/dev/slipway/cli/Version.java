package dev.slipway.cli;

import picocli.CommandLine.IVersionProvider;

/** The version in the jar manifest (Implementation-Version), written by the build. */
final class Version implements IVersionProvider {
    static String get() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"kubectl-slipway " + get()};
    }
}

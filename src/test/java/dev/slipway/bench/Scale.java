package dev.slipway.bench;

import java.time.Duration;

/**
 * How much the benchmark does. {@link #FULL} is what the issue asks for and what docs/benchmarks.md
 * reports; {@link #QUICK} (BENCH_QUICK=1) runs every section small, to check the harness itself.
 */
record Scale(String name, int starts, int startupRounds, int soloReleases, int busyApps, int busyRounds, int fleetApps,
             int releasesPerApp, int fleetRounds, int historyLimit, Duration idle, int restarts) {

    static final Scale FULL = new Scale("full", 5, 10, 100, 200, 5, 1000, 10, 2, 30, Duration.ofSeconds(60), 3);
    static final Scale QUICK = new Scale("quick", 2, 2, 20, 20, 2, 50, 10, 2, 30, Duration.ofSeconds(10), 1);

    static Scale fromEnvironment() {
        return "1".equals(System.getenv("BENCH_QUICK")) ? QUICK : FULL;
    }

    /** Releases the fleet holds once every round has run: the "releases cached" of the memory figure. */
    int fleetReleases() {
        return fleetApps * releasesPerApp * fleetRounds;
    }
}

package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.OneShot;
import dev.slipway.model.Promotion;
import dev.slipway.model.Release;
import dev.slipway.model.Rollback;
import dev.slipway.status.Conditions;
import dev.slipway.workload.Workloads;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What one App pass starts from, as the caches hold it: the planners' only input, so every decision of the pass can
 * be tested on plain objects.
 *
 * @param releases   every release of the App, readable or not
 * @param rollbacks  the App's unfinished Rollbacks, oldest first
 * @param promotions the App's unfinished Promotions, oldest first
 * @param committed  the highest version this process committed for the App ({@link VersionMemo})
 * @param stored     the App as stored now, read only when a request is about to be decided on it
 * @param now        when the pass started, for timestamps and condition transitions
 */
record AppView(App app, List<Release> releases, List<Rollback> rollbacks, List<Promotion> promotions, Ledgers.Read ledger, Workloads.Owned owned,
               long committed, Optional<App> stored, Instant now) {

    /** @param current the App as the API server has it now; null when it is gone */
    AppView withStored(App current) {
        return new AppView(app, releases, rollbacks, promotions, ledger, owned, committed, Optional.ofNullable(current), now);
    }

    /** The unfinished request to handle first: the oldest Rollback or Promotion. */
    Optional<OneShot<?>> oldestRequest() {
        return Stream.<OneShot<?>>concat(rollbacks.stream().limit(1), promotions.stream().limit(1)).min(RequestOrder.CREATION);
    }

    /** How many requests wait, this pass's among them. */
    int openRequests() {
        return rollbacks.size() + promotions.size();
    }

    /** The App a request is decided on: as stored, when read, else as cached. */
    App requestDecidedOn() {
        return stored.filter(App::isReadable).orElse(app);
    }

    /** Conditions whose transitions happen at {@link #now}. */
    Conditions conditions() {
        return new Conditions(Clock.fixed(now, ZoneOffset.UTC));
    }

    /** {@link #now} as status timestamps are written: to the second. */
    String timestamp() {
        return now.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}

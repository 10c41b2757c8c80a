package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NameLedgerTest {

    @Test
    void aRecordedNameGivesItsVersion() {
        NameLedger ledger = NameLedger.empty().with(Map.of(1L, "shop-6d58b1ce", 2L, "shop-9f2c1d3e", 4L, "shop-a41b7c2d"));

        assertThat(ledger.versionOf("shop-9f2c1d3e")).hasValue(2);
        assertThat(ledger.versionOf("shop-a41b7c2d")).hasValue(4);
        assertThat(ledger.versionOf("shop-new")).isEmpty();
        assertThat(ledger.covers(Map.of(1L, "shop-6d58b1ce"))).isTrue();
        assertThat(ledger.covers(Map.of(3L, "shop-6d58b1ce"))).as("v3 was never recorded").isFalse();
    }

    @Test
    void survivesItsStoredForm() {
        NameLedger ledger = NameLedger.empty().with(Map.of(1L, "shop-1", 2L, "shop-2")).departed(1, "2026-11-29T10:00:00Z", "pruned (historyLimit)");

        NameLedger read = NameLedger.of(ledger.names(), ledger.departures(), ledger.claims());

        assertThat(read.versionOf("shop-2")).hasValue(2);
        assertThat(read.departure(1)).contains("pruned (historyLimit) at 2026-11-29T10:00:00Z");
        assertThat(read.departure(2)).isEmpty();
    }

    @Test
    void keepsTheLastHundredDepartures() {
        NameLedger ledger = NameLedger.empty();
        for (long v = 1; v <= 150; v++) {
            ledger = ledger.departed(v, "2026-11-29T10:00:00Z", "pruned (historyLimit)");
        }
        assertThat(ledger.departure(50)).isEmpty();
        assertThat(ledger.departure(51)).isPresent();
        assertThat(ledger.departures().lines()).hasSize(NameLedger.MAX_DEPARTURES);
    }

    @Test
    void aHundredThousandReleasesFitFarBelowTheObjectLimit() {
        Map<Long, String> names = new HashMap<>();
        for (long v = 1; v <= 100_000; v++) {
            names.put(v, "shop-" + Long.toHexString(v * 2654435761L));
        }
        NameLedger ledger = NameLedger.empty().with(names);
        for (long v = 1; v <= NameLedger.MAX_DEPARTURES; v++) {
            ledger = ledger.departed(v, "2026-11-29T10:00:00Z", "pruned (historyLimit)");
        }

        int stored = Base64.getEncoder().encodeToString(ledger.names()).length() + ledger.departures().length();
        assertThat(stored).as("bytes in the ConfigMap").isLessThan(1024 * 1024);
        assertThat(ledger.versionOf(names.get(99_999L))).hasValue(99_999);
    }
}

package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.Release;
import dev.slipway.model.Slipway;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The claims a ledger holds: which release a version was given to before it was committed. */
class ClaimsInLedgerTest {
    private static final String ROLLBACK = Slipway.ANNOTATION_ROLLBACK_UID;

    @Test
    void aClaimGivesItsVersionToThatReleaseOnly() {
        NameLedger ledger = NameLedger.empty().claimed(List.of(new Claim(3, "shop-x", Claim.ofUid("uid-a"))), 2);

        assertThat(ledger.highest()).isEqualTo(3);
        assertThat(ledger.versionGiven(release("shop-x", "uid-a", Map.of()))).hasValue(3);
        assertThat(ledger.versionGiven(release("shop-x", "uid-b", Map.of())))
            .as("the same name re-created (another uid) is not the claimed release").isEmpty();
        assertThat(ledger.versionOf("shop-x")).hasValue(3);
    }

    @Test
    void aRequestClaimNamesTheReleaseMadeForIt() {
        String key = Claim.ofRequest(ROLLBACK, "rb-1");
        NameLedger ledger = NameLedger.empty().claimed(List.of(new Claim(5, "shop-v5", key)), 4);

        assertThat(ledger.claimFor(key)).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("shop-v5"));
        assertThat(ledger.versionGiven(release("shop-v5", "any", Map.of(ROLLBACK, "rb-1")))).hasValue(5);
        assertThat(ledger.versionGiven(release("shop-v5", "any", Map.of(ROLLBACK, "rb-2")))).isEmpty();
    }

    @Test
    void aRefusalIsKeptWithoutTakingAVersion() {
        String key = Claim.ofRequest(ROLLBACK, "rb-1");
        NameLedger ledger = NameLedger.empty().with(Map.of(1L, "shop-a")).claimed(List.of(Claim.refusal(key)), 1);

        assertThat(ledger.highest()).isEqualTo(1);
        assertThat(ledger.claimFor(key)).hasValueSatisfying(c -> assertThat(c.refused()).isTrue());
    }

    @Test
    void releaseClaimsGoOnceCommittedRequestClaimsStayForAWhile() {
        List<Claim> claims = new ArrayList<>(List.of(new Claim(1, "shop-a", Claim.ofUid("a"))));
        LongStream.rangeClosed(2, 41).forEach(v -> claims.add(new Claim(v, "shop-v" + v, Claim.ofRequest(ROLLBACK, "rb-" + v))));
        NameLedger ledger = NameLedger.empty().claimed(claims, 0);
        assertThat(ledger.claimFor(Claim.ofUid("a"))).as("uncommitted").isPresent();

        NameLedger later = ledger.claimed(List.of(new Claim(42, "shop-b", Claim.ofUid("b"))), 41);

        assertThat(later.claimFor(Claim.ofUid("a"))).as("committed").isEmpty();
        assertThat(later.claimFor(Claim.ofRequest(ROLLBACK, "rb-41"))).isPresent();
        assertThat(later.claimFor(Claim.ofRequest(ROLLBACK, "rb-9"))).as("older than the last %d requests",
            NameLedger.KEPT_REQUEST_CLAIMS).isEmpty();
        assertThat(later.versionOf("shop-v9")).as("its name stays recorded").hasValue(9);
    }

    @Test
    void claimsSurviveTheStoredForm() {
        NameLedger ledger = NameLedger.empty().claimed(List.of(new Claim(1, "shop-a", Claim.ofUid("a")),
            Claim.refusal(Claim.ofRequest(ROLLBACK, "rb-1"))), 0);

        NameLedger read = NameLedger.of(ledger.names(), ledger.departures(), ledger.claims());

        assertThat(read).isEqualTo(ledger);
        assertThat(read.versionGiven(release("shop-a", "a", Map.of()))).hasValue(1);
    }

    @Test
    void aLabelDoesNotBringBackAPrunedVersion() {
        NameLedger ledger = NameLedger.empty().with(Map.of(1L, "shop-a")).departed(1, "2026-11-29T10:00:00Z", "pruned (historyLimit)");
        Release exported = release("shop-a", "new-uid", Map.of());
        exported.getMetadata().setLabels(Map.of(Slipway.LABEL_VERSION, "1"));

        assertThat(ledger.versionGiven(exported)).as("a re-applied export of a pruned release").isEmpty();
    }

    private static Release release(String name, String uid, Map<String, String> annotations) {
        Release release = new Release();
        release.getMetadata().setName(name);
        release.getMetadata().setUid(uid);
        release.getMetadata().setAnnotations(annotations);
        return release;
    }
}

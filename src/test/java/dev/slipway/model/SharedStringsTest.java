package dev.slipway.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SharedStringsTest {

    @Test
    void equalStringsComeBackAsTheFirstInstance() {
        SharedStrings strings = new SharedStrings(4);
        String first = strings.share(new String("Superseded by v8"));

        assertThat(strings.share(new String("Superseded by v8"))).isSameAs(first);
        assertThat(strings.share(new String("Superseded by v9"))).isEqualTo("Superseded by v9").isNotSameAs(first);
        assertThat(strings.share(null)).isNull();
    }

    /** A long text is passed through and never held: a slot would keep it after the cache dropped it. */
    @Test
    void textLongerThanTheLimitIsNeitherSharedNorHeld() {
        SharedStrings strings = new SharedStrings(4);
        String limit = "x".repeat(SharedStrings.MAX_LENGTH);
        String longer = limit + "y";

        assertThat(strings.share(new String(limit))).isSameAs(strings.share(limit));
        String first = strings.share(new String(longer));
        assertThat(strings.share(new String(longer))).isEqualTo(longer).isNotSameAs(first);
    }

    /** Bounded: a string that lands on a taken slot takes it; the one it replaced is simply not shared any more. */
    @Test
    void aCollisionReplacesTheHeldStringAndNeverReturnsAnUnequalOne() {
        SharedStrings oneSlot = new SharedStrings(0);
        String ready = oneSlot.share(new String("Ready"));
        String stalled = oneSlot.share(new String("Stalled"));

        assertThat(oneSlot.share(new String("Stalled"))).isSameAs(stalled);
        String readyAgain = oneSlot.share(new String("Ready"));
        assertThat(readyAgain).isEqualTo("Ready").isNotSameAs(ready);
    }
}

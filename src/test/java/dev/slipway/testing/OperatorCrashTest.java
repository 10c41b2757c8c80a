package dev.slipway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * The crash fixture must behave like a dead process. Its first version revived a dead operator's identity
 * when the next operator started: the dead client's retry of a 5xx (Fabric8 retries them for seconds) then
 * went through after the successor's writes. A stale App status written that way is never corrected (an App
 * status change is no event for the App reconciler), which is the shape of CrashPointsTest's stalls in busy
 * suite runs: the successor logs the release active at once, and the App never reports Ready.
 */
class OperatorCrashTest {
    private final OperatorCrash crash = new OperatorCrash(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse().setResponseCode(200);
        }
    });

    @Test
    void aDeadOperatorStaysDeadAfterItsSuccessorStarts() {
        String first = crash.nextVictim(1);
        assertThat(send(first, HttpMethod.POST)).as("first write").isEqualTo(200);
        assertThat(send(first, HttpMethod.PUT)).as("second write").isEqualTo(503);
        assertThat(crash.dead()).isTrue();

        String second = crash.nextVictim(Integer.MAX_VALUE);

        assertThat(second).isNotEqualTo(first);
        assertThat(crash.dead()).as("the successor").isFalse();
        assertThat(send(second, HttpMethod.PUT)).as("the successor's write").isEqualTo(200);
        assertThat(send(first, HttpMethod.PUT)).as("a retry of the dead operator's write").isEqualTo(503);
        assertThat(send(first, HttpMethod.GET)).as("a read of the dead operator").isEqualTo(503);
    }

    @Test
    void dieAfterCountsTheRunningOperatorsWritesFromNow() {
        String victim = crash.nextVictim(Integer.MAX_VALUE);
        send(victim, HttpMethod.POST);
        crash.dieAfter(1);

        assertThat(send(victim, HttpMethod.GET)).as("reads do not count").isEqualTo(200);
        assertThat(send(victim, HttpMethod.PATCH)).isEqualTo(200);
        assertThat(crash.writesDone()).isEqualTo(1);
        assertThat(send(victim, HttpMethod.DELETE)).isEqualTo(503);
        assertThat(send("someone-else", HttpMethod.POST)).as("other clients are served").isEqualTo(200);
    }

    private int send(String userAgent, HttpMethod method) {
        Headers headers = new Headers.Builder().add("User-Agent", userAgent).build();
        return crash.dispatch(new RecordedRequest("HTTP/1.1", method, "/apis/slipway.dev/v1alpha1/namespaces/shop/apps", headers, null)).code();
    }
}

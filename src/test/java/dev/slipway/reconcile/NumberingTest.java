package dev.slipway.reconcile;

import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.release.Releases;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.ClusterScenario;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NumberingTest extends ClusterScenario {
    /**
     * Every release of a batch stays: with the default historyLimit (10) the newest release's rollout prunes
     * all but 11 of them, and a wait for all 50 then passes only if it happens to look in the few
     * milliseconds between numbering and pruning (which it misses on a busy machine).
     */
    private static final int KEEP_ALL = 100;

    @BeforeEach
    void setUp() {
        App app = webAndWorker("shop", Map.of());
        app.getSpec().setHistoryLimit(KEEP_ALL);
        cluster.create(app);
    }

    @Test
    void fiftyReleasesCreatedAtOnceGetVersionsOneToFiftyInCreationOrder() throws Exception {
        createConcurrently(50, 0);

        awaitAllNumbered(50);
        assertVersionsFollowCreationOrder(50);
        cluster.awaitPhase(releaseWithVersion(50).getMetadata().getName(), ReleasePhase.Active);
        assertThat(cluster.app("shop").getStatus().getLatestVersion()).isEqualTo(50L);
    }

    @Test
    void numberingSurvivesAnOperatorRestartInTheMiddleOfABatch() throws Exception {
        createConcurrently(25, 0);
        cluster.stopOperator();
        createConcurrently(25, 25);
        cluster.startOperator();
        cluster.restartOperator();

        awaitAllNumbered(50);
        assertVersionsFollowCreationOrder(50);
    }

    @Test
    void versionsAreNeverReusedAfterDeletion() {
        cluster.create(release("shop-a", "shop", "registry.example/shop/web:1"));
        cluster.create(release("shop-b", "shop", "registry.example/shop/web:2"));
        cluster.awaitPhase("shop-b", ReleasePhase.Active);
        cluster.client.resource(cluster.release("shop-b")).delete();
        cluster.restartOperator();

        cluster.create(release("shop-c", "shop", "registry.example/shop/web:3"));
        cluster.awaitPhase("shop-c", ReleasePhase.Active);

        assertThat(cluster.release("shop-c").getStatus().getVersion()).isEqualTo(3L);
    }

    private void createConcurrently(int count, int offset) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Release>> created = IntStream.range(offset, offset + count)
                .mapToObj(i -> pool.submit(() -> cluster.create(
                    release(String.format("shop-r%03d", i), "shop", "registry.example/shop/web:" + i))))
                .toList();
            for (Future<Release> f : created) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private void awaitAllNumbered(int count) {
        await().atMost(Cluster.CONVERGENCE).untilAsserted(() -> assertThat(cluster.releasesOf("shop"))
            .hasSize(count).allSatisfy(r -> assertThat(Releases.isNumbered(r)).isTrue()));
    }

    private void assertVersionsFollowCreationOrder(int count) {
        List<Release> releases = cluster.releasesOf("shop");
        assertThat(releases.stream().map(Releases::version))
            .as("unique, gap-free versions").containsExactlyElementsOf(LongStream.rangeClosed(1, count).boxed().toList());
        // Version order never contradicts creationTimestamp. Releases created within the same second are
        // ordered by name when the operator sees them together (docs/design-decisions.md).
        assertThat(releases.stream().map(r -> r.getMetadata().getCreationTimestamp()).toList())
            .isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(releases).allSatisfy(r -> assertThat(r.getMetadata().getLabels())
            .containsEntry("slipway.dev/version", String.valueOf(r.getStatus().getVersion()))
            .containsEntry("slipway.dev/app", "shop"));
    }

    private Release releaseWithVersion(long version) {
        return cluster.releasesOf("shop").stream().filter(r -> Long.valueOf(version).equals(Releases.version(r)))
            .findFirst().orElseThrow();
    }
}

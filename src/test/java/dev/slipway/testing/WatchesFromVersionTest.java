package dev.slipway.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Watches of the in-process API server resume from the version they name, as a real server's do. */
class WatchesFromVersionTest {
    /** Events of a local server arrive within milliseconds; this only bounds a failing test. */
    private static final Duration DELIVERY = Duration.ofSeconds(10);

    private final TestApiServer api = TestApiServer.start();
    private final KubernetesClient client = api.newClient();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aWatchFromAListsVersionGetsOnlyWhatChangedAfterIt() {
        create("a");
        create("b");
        String listed = client.configMaps().inNamespace("ns").list().getMetadata().getResourceVersion();
        ConfigMap c = create("c");

        try (Watch ignored = watchFrom(listed)) {
            create("d");
            c.getData().put("k", "changed");
            client.resource(c).update();
            client.configMaps().inNamespace("ns").withName("a").delete();

            await().atMost(DELIVERY).until(() -> events.contains("DELETED a"));
            // c changed between the list and the watch, so the watch delivers it, as a real server's would.
            assertThat(events).containsExactly("ADDED c", "ADDED d", "MODIFIED c", "DELETED a");
        }
    }

    /** The mock's own way resent the stored objects as ADDED: a change was ADDED, and a deletion was never sent. */
    @Test
    void changesBetweenTheListAndTheWatchArriveAsWhatTheyWere() {
        ConfigMap a = create("a");
        create("b");
        String listed = client.configMaps().inNamespace("ns").list().getMetadata().getResourceVersion();
        a.getData().put("k", "changed");
        client.resource(a).update();
        client.configMaps().inNamespace("ns").withName("b").delete();

        try (Watch ignored = watchFrom(listed)) {
            create("c");

            await().atMost(DELIVERY).until(() -> events.contains("ADDED c"));
            assertThat(events).containsExactly("MODIFIED a", "DELETED b", "ADDED c");
        }
    }

    @Test
    void aWatchFromAVersionOlderThanTheLogStartsWithWhatTheMockStores() {
        create("a");
        String listed = client.configMaps().inNamespace("ns").list().getMetadata().getResourceVersion();
        ConfigMap b = create("b");
        for (int i = 0; i < ResumableWatches.LOGGED_CHANGES; i++) {
            b.getData().put("k", String.valueOf(i));
            b = client.resource(b).update();
        }

        try (Watch ignored = watchFrom(listed)) {
            await().atMost(DELIVERY).until(() -> events.contains("ADDED b"));
            // The log no longer reaches back to the list: b comes as the mock stores it, a (listed) is left out.
            assertThat(events).containsExactly("ADDED b");
        }
    }

    @Test
    void aWatchWithoutAVersionStartsWithEveryObject() {
        create("a");
        create("b");

        try (Watch ignored = watchFrom(null)) {
            await().atMost(DELIVERY).until(() -> events.size() == 2);
            assertThat(events).containsExactlyInAnyOrder("ADDED a", "ADDED b");
        }
    }

    @Test
    void onlyWatchRequestsNamingAVersionAreFiltered() {
        assertThat(WatchesFromVersion.watchedFrom("/api/v1/configmaps?allowWatchBookmarks=true&resourceVersion=5&timeoutSeconds=600&watch=true"))
            .isEqualTo(5);
        assertThat(WatchesFromVersion.watchedFrom("/api/v1/configmaps?resourceVersion=0&watch=true")).isZero();
        assertThat(WatchesFromVersion.watchedFrom("/api/v1/configmaps?watch=true")).isZero();
        assertThat(WatchesFromVersion.watchedFrom("/api/v1/configmaps?resourceVersion=5")).isZero();
    }

    private Watch watchFrom(String version) {
        var options = new ListOptionsBuilder().withResourceVersion(version).build();
        return client.configMaps().inNamespace("ns").watch(options, new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap object) {
                events.add(action + " " + object.getMetadata().getName());
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        });
    }

    private ConfigMap create(String name) {
        return client.configMaps().inNamespace("ns")
            .resource(new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().addToData("k", "v").build()).create();
    }
}

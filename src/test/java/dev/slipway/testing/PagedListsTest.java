package dev.slipway.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-process API server serves lists in pages, from one snapshot, as a real one does. */
class PagedListsTest {
    private final TestApiServer api = TestApiServer.start();
    private final KubernetesClient client = api.newClient();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aLimitedListComesInPagesOfThatSizeFromOneSnapshot() {
        for (String name : List.of("a", "b", "c", "d", "e")) {
            create(name, "paged");
        }
        create("other", "unpaged");

        ConfigMapList first = page(null);
        create("f", "paged");
        List<String> names = new ArrayList<>(names(first));
        String token = first.getMetadata().getContinue();
        List<Integer> sizes = new ArrayList<>(List.of(first.getItems().size()));
        while (token != null) {
            ConfigMapList next = page(token);
            assertThat(next.getMetadata().getResourceVersion()).isEqualTo(first.getMetadata().getResourceVersion());
            names.addAll(names(next));
            sizes.add(next.getItems().size());
            token = next.getMetadata().getContinue();
        }

        assertThat(sizes).containsExactly(2, 2, 1);
        // "f" came after the snapshot; "other" does not match the selector, which every page keeps.
        assertThat(names).containsExactly("a", "b", "c", "d", "e");
        assertThat(page(null).getItems()).hasSize(2);
    }

    @Test
    void anUnknownContinueTokenIsGone() {
        create("a", "paged");

        assertThatThrownBy(() -> page("no-such-list.2"))
            .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(410));
    }

    @Test
    void anInformerWithALimitFillsItsCacheThroughThePages() {
        for (int i = 0; i < 7; i++) {
            create("cm" + i, "paged");
        }

        SharedIndexInformer<ConfigMap> informer = client.configMaps().inNamespace("ns").withLimit(3L).inform();
        try {
            assertThat(informer.getStore().list()).hasSize(7);
        } finally {
            informer.stop();
        }
    }

    private ConfigMapList page(String token) {
        return client.configMaps().inNamespace("ns").withLabel("list", "paged")
            .list(new ListOptionsBuilder().withLimit(2L).withContinue(token).build());
    }

    private static List<String> names(ConfigMapList list) {
        return list.getItems().stream().map(c -> c.getMetadata().getName()).toList();
    }

    private void create(String name, String list) {
        client.configMaps().inNamespace("ns").resource(new ConfigMapBuilder().withNewMetadata().withName(name)
            .addToLabels("list", list).endMetadata().build()).create();
    }
}

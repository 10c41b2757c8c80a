package dev.slipway.bench;

import dev.slipway.bench.RequestTimeline.Request;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * The floor: what the same API round-trips cost with no operator logic at all. A plain client watches for
 * a trigger object (as the operator watches Releases) and answers each with the number of sequential reads
 * and writes the operator made between a Release create and its Deployment write, on as many threads as the
 * operator reconciles with. Trigger to last write is the least any controller could take here.
 */
final class FloorProbe implements AutoCloseable {
    static final String AGENT = RequestTimeline.BENCH_AGENT + "-floor";
    /** JOSDK's default number of reconciler threads, which the packaged operator uses. */
    private static final int THREADS = 50;
    private static final Duration ROUND_LIMIT = Duration.ofSeconds(120);
    /** Writes are stamped where they land; polling only decides how soon the next round can start. */
    private static final Duration WRITE_POLL = Duration.ofMillis(2);

    private final KubernetesClient client;
    private final RequestTimeline timeline;
    private final String namespace;
    private final int reads;
    private final int writes;
    private final ExecutorService workers = Executors.newFixedThreadPool(THREADS);
    private final Watch watch;
    private final Map<String, ConfigMap> cache = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private volatile RuntimeException failure;

    FloorProbe(KubernetesClient client, RequestTimeline timeline, String namespace, int reads, int writes) {
        if (writes < 1) {
            throw new IllegalArgumentException("the floor needs at least the final write");
        }
        this.client = client;
        this.timeline = timeline;
        this.namespace = namespace;
        this.reads = reads;
        this.writes = writes;
        this.watch = client.configMaps().inNamespace(namespace).withLabel("floor-trigger").watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap trigger) {
                if (action == Action.ADDED) {
                    workers.submit(() -> {
                        try {
                            answer(trigger);
                        } catch (RuntimeException e) {
                            failure = e;
                        }
                    });
                }
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        });
    }

    /** Sends {@code rounds} rounds of one trigger per subject, all subjects at once; returns trigger-to-last-write. */
    Samples run(int subjects, int rounds) throws InterruptedException {
        List<String> names = IntStream.range(0, subjects).mapToObj(i -> String.format("subject%04d", i)).toList();
        names.parallelStream().forEach(name -> cache.put(name, client.configMaps().inNamespace(namespace).resource(target(name)).create()));
        Samples latencies = new Samples();
        for (int round = 0; round < rounds; round++) {
            int r = round;
            Map<String, Long> sent = new ConcurrentHashMap<>();
            names.parallelStream().forEach(name -> {
                long now = System.nanoTime();
                client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata()
                    .withName(name + "-t" + r).addToLabels("floor-trigger", name).endMetadata().build()).create();
                sent.put(name, now);
            });
            for (String name : names) {
                latencies.add(Duration.ofNanos(awaitLastWrite(name, sent.get(name)) - sent.get(name)));
            }
        }
        return latencies;
    }

    private void answer(ConfigMap trigger) {
        String subject = trigger.getMetadata().getLabels().get("floor-trigger");
        // One answer per subject at a time, as a controller reconciles one resource at a time.
        synchronized (locks.computeIfAbsent(subject, s -> new Object())) {
            answer(trigger, subject);
        }
    }

    private void answer(ConfigMap trigger, String subject) {
        var target = client.configMaps().inNamespace(namespace).withName(subject + "-target");
        for (int i = 0; i < reads; i++) {
            target.get();
        }
        // Like an informer cache: the object as the last write left it, so the writes need no read first.
        ConfigMap current = cache.get(subject);
        for (int i = 0; i < writes; i++) {
            current.getData().put("trigger", trigger.getMetadata().getName() + "/" + i);
            current = client.resource(current).update();
        }
        cache.put(subject, current);
    }

    /** The arrival of the subject's last write for this trigger, as the API server saw it. */
    private long awaitLastWrite(String subject, long since) throws InterruptedException {
        String path = "/configmaps/" + subject + "-target";
        return Poll.until("the floor client to answer " + subject, WRITE_POLL, ROUND_LIMIT, () -> {
            if (failure != null) {
                throw new IllegalStateException("the floor client failed: " + failure.getMessage(), failure);
            }
            List<Request> answered = timeline.since(since, q -> AGENT.equals(q.userAgent()) && q.isWrite() && q.path().contains(path));
            return answered.size() >= writes ? Optional.of(answered.get(writes - 1).nanos()) : Optional.empty();
        });
    }

    private ConfigMap target(String subject) {
        return new ConfigMapBuilder().withNewMetadata().withName(subject + "-target").endMetadata()
            .addToData("trigger", "none").build();
    }

    @Override
    public void close() {
        watch.close();
        workers.shutdownNow();
    }
}

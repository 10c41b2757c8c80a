package dev.slipway.model;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link TolerantReader} could not read, by object uid and resourceVersion. The finding has to outlive the
 * object it was read into: JOSDK hands reconcilers a copy made by a JSON round trip, which the unreadable part
 * (left null) does not survive. A uid with a resourceVersion names one stored state of one object, so a copy
 * finds the finding of the state it was copied from, and a corrected object (a new resourceVersion) finds none.
 * Bounded: only unreadable objects are recorded, the oldest dropped past {@link #CAPACITY}.
 */
final class UnreadableRecords {
    static final int CAPACITY = 10_000;

    private static final Map<String, ReadProblem.Unreadable> RECORDS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ReadProblem.Unreadable> eldest) {
            return size() > CAPACITY;
        }
    };

    private UnreadableRecords() {
    }

    static void record(ObjectMeta metadata, ReadProblem.Unreadable unreadable) {
        String key = key(metadata);
        if (key != null) {
            synchronized (RECORDS) {
                RECORDS.put(key, unreadable);
            }
        }
    }

    static ReadProblem.Unreadable find(ObjectMeta metadata) {
        String key = key(metadata);
        if (key == null) {
            return null;
        }
        synchronized (RECORDS) {
            return RECORDS.get(key);
        }
    }

    private static String key(ObjectMeta metadata) {
        return metadata == null || metadata.getUid() == null || metadata.getResourceVersion() == null
            ? null : metadata.getUid() + "@" + metadata.getResourceVersion();
    }
}

package dev.slipway.reconcile;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The highest version this process has committed per App. The informer cache can lag behind our own
 * writes; the memo keeps a lagging cache from handing out a version twice. After a restart the memo is
 * empty and the freshly listed cache is exact, so nothing is lost.
 */
final class VersionMemo {
    private final Map<String, Long> highest = new ConcurrentHashMap<>();

    long get(String appUid) {
        return highest.getOrDefault(appUid, 0L);
    }

    void committed(String appUid, long version) {
        highest.merge(appUid, version, Math::max);
    }
}

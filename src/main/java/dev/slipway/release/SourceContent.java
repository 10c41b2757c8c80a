package dev.slipway.release;

import dev.slipway.model.EnvSnapshot;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a Secret or ConfigMap holds, as a digest per key: enough to tell whether and which keys changed, and to name
 * its snapshot, without keeping a value. The informer caches hold sources and snapshots in this form only
 * ({@link #digested}), so no value stays in the operator's memory beyond the event that carried it.
 *
 * @param kind       {@link EnvSnapshot#SECRET} or {@link EnvSnapshot#CONFIG_MAP}
 * @param uid        of the object, part of its snapshot's name (below)
 * @param keyDigests the keys, each with the digest of its value
 */
public record SourceContent(String kind, String name, String uid, Map<String, String> keyDigests) {
    /** Where a digested object keeps a key's value digest: Secret.data and ConfigMap.data, binaryData prefixed. */
    private static final String BINARY = "binary:";

    public static SourceContent of(Secret secret) {
        return new SourceContent(EnvSnapshot.SECRET, secret.getMetadata().getName(), secret.getMetadata().getUid(),
            new TreeMap<>(secret.getData() == null ? Map.of() : secret.getData()));
    }

    public static SourceContent of(ConfigMap map) {
        TreeMap<String, String> keys = new TreeMap<>(map.getData() == null ? Map.of() : map.getData());
        if (map.getBinaryData() != null) {
            map.getBinaryData().forEach((key, digest) -> keys.put(key, BINARY + digest));
        }
        return new SourceContent(EnvSnapshot.CONFIG_MAP, map.getMetadata().getName(), map.getMetadata().getUid(), keys);
    }

    /** {@code secret} with each value replaced by its digest, as the caches keep it. Mutates and returns it. */
    public static Secret digested(Secret secret) {
        secret.setData(digests(secret.getData()));
        secret.setStringData(null);
        return secret;
    }

    /** {@code map} with each value replaced by its digest, as the caches keep it. Mutates and returns it. */
    public static ConfigMap digested(ConfigMap map) {
        map.setData(digests(map.getData()));
        map.setBinaryData(digests(map.getBinaryData()));
        return map;
    }

    /** The content of a source read whole (values, not digests). */
    public static SourceContent ofRead(HasMetadata object) {
        if (object instanceof Secret secret) {
            Secret copy = new Secret();
            copy.setMetadata(secret.getMetadata());
            copy.setData(secret.getData());
            return of(digested(copy));
        }
        ConfigMap map = (ConfigMap) object;
        ConfigMap copy = new ConfigMap();
        copy.setMetadata(map.getMetadata());
        copy.setData(map.getData());
        copy.setBinaryData(map.getBinaryData());
        return of(digested(copy));
    }

    /**
     * The name of the snapshot of this content for {@code app}: {@code <app>-<source>-<10 hex digits>}, the digits a
     * digest of app, kind, source name and uid and every key with its value's digest. The same content gets the same
     * name, so releases share a copy and a retry finds the one it made; the uid keeps a reader of the Release, who
     * sees the name, from testing guesses of a value against it.
     */
    public String snapshotName(String app) {
        StringBuilder canonical = new StringBuilder().append(app).append('\0').append(kind).append('\0').append(name)
            .append('\0').append(uid);
        new TreeMap<>(keyDigests).forEach((key, digest) -> canonical.append('\0').append(key).append('=').append(digest));
        String prefix = app + "-" + name;
        // 253 is the longest object name; the suffix takes 11.
        prefix = prefix.length() > 242 ? prefix.substring(0, 242) : prefix;
        while (prefix.endsWith("-") || prefix.endsWith(".")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return prefix + "-" + sha256(canonical.toString()).substring(0, 10);
    }

    private static Map<String, String> digests(Map<String, String> values) {
        if (values == null) {
            return null;
        }
        Map<String, String> digests = new TreeMap<>();
        values.forEach((key, value) -> digests.put(key, sha256(value == null ? "" : value).substring(0, 32)));
        return digests;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

package dev.slipway.release;

import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/** Config snapshots: a digest to notice changes, and the history text of a change (names, never values). */
public final class ConfigChange {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private ConfigChange() {
    }

    /** A digest of config and envFrom that does not depend on map order. */
    public static String digest(Map<String, String> config, List<EnvFromSource> envFrom) {
        String canonical = SERIALIZATION.asJson(new TreeMap<>(config == null ? Map.of() : config))
            + "|" + SERIALIZATION.asJson(envFrom == null ? List.of() : envFrom);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The comparison {@link #digest} stands for, without serializing and hashing both sides (every App pass asks). */
    public static boolean same(Map<String, String> config, List<EnvFromSource> envFrom,
                               Map<String, String> otherConfig, List<EnvFromSource> otherEnvFrom) {
        return Objects.equals(config == null ? Map.of() : config, otherConfig == null ? Map.of() : otherConfig)
            && Objects.equals(envFrom == null ? List.of() : envFrom, otherEnvFrom == null ? List.of() : otherEnvFrom);
    }

    /** "Set LOG_LEVEL, FOO; unset BAR", like Heroku's history; envFrom changes are named too. */
    public static String describe(Map<String, String> before, List<EnvFromSource> beforeEnvFrom,
                                  Map<String, String> after, List<EnvFromSource> afterEnvFrom) {
        Map<String, String> old = before == null ? Map.of() : before;
        Map<String, String> now = after == null ? Map.of() : after;
        TreeSet<String> set = new TreeSet<>();
        now.forEach((name, value) -> {
            if (!Objects.equals(old.get(name), value) || !old.containsKey(name)) {
                set.add(name);
            }
        });
        TreeSet<String> unset = new TreeSet<>(old.keySet());
        unset.removeAll(now.keySet());
        List<String> parts = new ArrayList<>();
        if (!set.isEmpty()) {
            parts.add("Set " + String.join(", ", set));
        }
        if (!unset.isEmpty()) {
            parts.add((parts.isEmpty() ? "Unset " : "unset ") + String.join(", ", unset));
        }
        if (!SERIALIZATION.asJson(beforeEnvFrom == null ? List.of() : beforeEnvFrom)
                .equals(SERIALIZATION.asJson(afterEnvFrom == null ? List.of() : afterEnvFrom))) {
            parts.add(parts.isEmpty() ? "Change envFrom" : "change envFrom");
        }
        return parts.isEmpty() ? "Update config" : String.join("; ", parts);
    }
}

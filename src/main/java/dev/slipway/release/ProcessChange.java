package dev.slipway.release;

import dev.slipway.model.ProcessSpec;
import dev.slipway.model.ProcessTemplate;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Process templates (a process without replicas): the templates of an App's formation, a digest to notice a change,
 * and the history text of a change, naming processes and fields, never values.
 */
public final class ProcessChange {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    /** The fields of a template, in the order a description names them. */
    private static final Map<String, Function<ProcessTemplate, Object>> FIELDS = fields();

    private ProcessChange() {
    }

    /** The templates of a formation: each process without its replicas, in the formation's order. */
    public static Map<String, ProcessTemplate> templates(Map<String, ProcessSpec> formation) {
        Map<String, ProcessTemplate> templates = new LinkedHashMap<>();
        if (formation != null) {
            formation.forEach((name, process) -> templates.put(name, ProcessTemplate.of(process)));
        }
        return templates;
    }

    /** A digest of templates that does not depend on map order; {@code web:} and {@code web: {}} are the same. */
    public static String digest(Map<String, ? extends ProcessTemplate> templates) {
        Map<String, ProcessTemplate> canonical = new TreeMap<>();
        if (templates != null) {
            templates.forEach((name, template) -> canonical.put(name, ProcessTemplate.of(template)));
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(SERIALIZATION.asJson(canonical).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Whether both run the same processes with the same templates, field by field as {@link #describe} compares them:
     * every App pass asks, and serializing and hashing both sides cost more than the rest of the question. Quantities
     * compare by amount ("500m" is "0.5"), as the API server stores them.
     */
    public static boolean same(Map<String, ? extends ProcessTemplate> templates, Map<String, ? extends ProcessTemplate> other) {
        Map<String, ? extends ProcessTemplate> one = templates == null ? Map.of() : templates;
        Map<String, ? extends ProcessTemplate> two = other == null ? Map.of() : other;
        return one.keySet().equals(two.keySet()) && one.keySet().stream().allMatch(name -> changedFields(one.get(name), two.get(name)).isEmpty());
    }

    /** "Change web: command, port; add clock; remove worker": what turns {@code before} into {@code after}. */
    public static String describe(Map<String, ? extends ProcessTemplate> before, Map<String, ? extends ProcessTemplate> after) {
        Map<String, ? extends ProcessTemplate> old = before == null ? Map.of() : before;
        Map<String, ? extends ProcessTemplate> now = after == null ? Map.of() : after;
        List<String> parts = new ArrayList<>();
        new TreeMap<>(now).forEach((name, template) -> {
            if (old.containsKey(name)) {
                List<String> changed = changedFields(old.get(name), template);
                if (!changed.isEmpty()) {
                    parts.add("change " + name + ": " + String.join(", ", changed));
                }
            }
        });
        TreeSet<String> added = new TreeSet<>(now.keySet());
        added.removeAll(old.keySet());
        if (!added.isEmpty()) {
            parts.add("add " + String.join(", ", added));
        }
        TreeSet<String> removed = new TreeSet<>(old.keySet());
        removed.removeAll(now.keySet());
        if (!removed.isEmpty()) {
            parts.add("remove " + String.join(", ", removed));
        }
        if (parts.isEmpty()) {
            return "Update processes";
        }
        String text = String.join("; ", parts);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static List<String> changedFields(ProcessTemplate before, ProcessTemplate after) {
        ProcessTemplate old = ProcessTemplate.of(before);
        ProcessTemplate now = ProcessTemplate.of(after);
        List<String> changed = new ArrayList<>();
        FIELDS.forEach((field, value) -> {
            if (!Objects.equals(value.apply(old), value.apply(now))) {
                changed.add(field);
            }
        });
        return changed;
    }

    private static Map<String, Function<ProcessTemplate, Object>> fields() {
        Map<String, Function<ProcessTemplate, Object>> fields = new LinkedHashMap<>();
        fields.put("command", ProcessTemplate::getCommand);
        fields.put("args", ProcessTemplate::getArgs);
        fields.put("port", ProcessTemplate::getPort);
        fields.put("resources", ProcessTemplate::getResources);
        fields.put("readinessProbe", ProcessTemplate::getReadinessProbe);
        fields.put("livenessProbe", ProcessTemplate::getLivenessProbe);
        return fields;
    }
}

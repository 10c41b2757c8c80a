package dev.slipway.cli;

import dev.slipway.model.ProcessTemplate;
import dev.slipway.model.Release;
import dev.slipway.model.ReleaseSource;
import dev.slipway.release.Releases;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What changed from one release to another: build, source, config names, envFrom, process templates. Config values
 * only when asked for (they are often secrets). Secret/ConfigMap snapshot keys are not compared yet.
 *
 * @param source    the commit range and, for a repository on a forge, its compare page; null when neither has a source
 * @param processes null when either release predates process templates (they ran the App's templates of their day)
 */
record ReleaseDiff(Side from, Side to, Change image, SourceChange source, ConfigDiff config, NamesDiff envFrom,
                   ProcessesDiff processes) {

    record Side(Long version, String name) {
    }

    record Change(String from, String to, boolean changed) {
        static Change of(String from, String to) {
            return new Change(from, to, !Objects.equals(from, to));
        }
    }

    record SourceChange(String from, String to, boolean changed, String repository, String compareUrl) {
    }

    /** @param values NAME -> [before, after] for added, removed and changed vars; only with --show-values */
    record ConfigDiff(List<String> added, List<String> removed, List<String> changed, Map<String, List<String>> values) {
        boolean empty() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    record NamesDiff(List<String> added, List<String> removed) {
        boolean empty() {
            return added.isEmpty() && removed.isEmpty();
        }
    }

    /** @param changed process -> the template fields that differ ("command", "port") */
    record ProcessesDiff(List<String> added, List<String> removed, Map<String, List<String>> changed) {
        boolean empty() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    /** The fields of a process template, in the order the operator's history text names them. */
    private static final Map<String, Function<ProcessTemplate, Object>> FIELDS = fields();

    static ReleaseDiff of(Release from, Release to, boolean showValues, KubernetesSerialization serialization) {
        return new ReleaseDiff(side(from), side(to), Change.of(from.getSpec().getImage(), to.getSpec().getImage()),
            source(from.getSpec().getSource(), to.getSpec().getSource()),
            config(orEmpty(from.getSpec().getConfig()), orEmpty(to.getSpec().getConfig()), showValues),
            envFrom(from.getSpec().getEnvFrom(), to.getSpec().getEnvFrom(), serialization),
            processes(from.getSpec().getProcesses(), to.getSpec().getProcesses(), serialization));
    }

    private static Side side(Release release) {
        return new Side(Releases.version(release), release.getMetadata().getName());
    }

    private static SourceChange source(ReleaseSource from, ReleaseSource to) {
        if (from == null && to == null) {
            return null;
        }
        String before = from == null ? null : from.getCommit();
        String after = to == null ? null : to.getCommit();
        String repository = to != null && to.getRepository() != null ? to.getRepository() : from == null ? null : from.getRepository();
        boolean sameRepository = from != null && to != null && Objects.equals(from.getRepository(), to.getRepository());
        String compare = sameRepository && before != null && after != null && !before.equals(after) ? compareUrl(repository, before, after) : null;
        return new SourceChange(before, after, !Objects.equals(before, after), repository, compare);
    }

    /** GitHub, GitLab and Gitea all serve REPO/compare/A...B; a repository that is not a web address has no such page. */
    static String compareUrl(String repository, String before, String after) {
        if (repository == null || !repository.matches("https?://[^\\s]+")) {
            return null;
        }
        String base = repository.replaceAll("/+$", "").replaceAll("\\.git$", "");
        return base + "/compare/" + before + "..." + after;
    }

    private static ConfigDiff config(Map<String, String> from, Map<String, String> to, boolean showValues) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        Map<String, List<String>> values = new TreeMap<>();
        TreeSet<String> names = new TreeSet<>(from.keySet());
        names.addAll(to.keySet());
        for (String name : names) {
            String before = from.get(name);
            String after = to.get(name);
            List<String> list = !from.containsKey(name) ? added : !to.containsKey(name) ? removed : Objects.equals(before, after) ? null : changed;
            if (list != null) {
                list.add(name);
                values.put(name, Arrays.asList(before, after));
            }
        }
        return new ConfigDiff(added, removed, changed, showValues ? values : null);
    }

    private static NamesDiff envFrom(List<EnvFromSource> from, List<EnvFromSource> to, KubernetesSerialization serialization) {
        List<String> before = envFromNames(from, serialization);
        List<String> after = envFromNames(to, serialization);
        return new NamesDiff(after.stream().filter(n -> !before.contains(n)).toList(), before.stream().filter(n -> !after.contains(n)).toList());
    }

    /** "secret/db", "configmap/settings" (with its prefix, when it has one): what a person recognises. */
    private static List<String> envFromNames(List<EnvFromSource> sources, KubernetesSerialization serialization) {
        List<String> names = new ArrayList<>();
        for (EnvFromSource source : sources == null ? List.<EnvFromSource>of() : sources) {
            String prefix = source.getPrefix() == null ? "" : " (prefix " + source.getPrefix() + ")";
            if (source.getSecretRef() != null) {
                names.add("secret/" + source.getSecretRef().getName() + prefix);
            } else if (source.getConfigMapRef() != null) {
                names.add("configmap/" + source.getConfigMapRef().getName() + prefix);
            } else {
                names.add(serialization.asJson(source));
            }
        }
        return names;
    }

    private static ProcessesDiff processes(Map<String, ProcessTemplate> from, Map<String, ProcessTemplate> to,
                                           KubernetesSerialization serialization) {
        if (from == null || to == null) {
            return null;
        }
        Map<String, List<String>> changed = new TreeMap<>();
        new TreeMap<>(to).forEach((name, template) -> {
            if (from.containsKey(name)) {
                List<String> fields = new ArrayList<>();
                FIELDS.forEach((field, value) -> {
                    Object before = value.apply(ProcessTemplate.of(from.get(name)));
                    Object after = value.apply(ProcessTemplate.of(template));
                    if (!serialization.asJson(before).equals(serialization.asJson(after))) {
                        fields.add(field);
                    }
                });
                if (!fields.isEmpty()) {
                    changed.put(name, fields);
                }
            }
        });
        return new ProcessesDiff(new TreeSet<>(to.keySet()).stream().filter(n -> !from.containsKey(n)).toList(),
            new TreeSet<>(from.keySet()).stream().filter(n -> !to.containsKey(n)).toList(), changed);
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

    private static Map<String, String> orEmpty(Map<String, String> config) {
        return config == null ? Map.of() : config;
    }
}

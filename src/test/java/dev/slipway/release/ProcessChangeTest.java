package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.ProcessSpec;
import dev.slipway.model.ProcessTemplate;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessChangeTest {

    @Test
    void describesChangedFieldsAddedAndRemovedProcessesByName() {
        Map<String, ProcessTemplate> before = Map.of("web", web(5000, "bin/web"), "worker", web(null, "bin/worker"));
        Map<String, ProcessTemplate> after = Map.of("web", web(8080, "bin/server"), "clock", web(null, "bin/clock"));

        assertThat(ProcessChange.describe(before, after)).isEqualTo("Change web: command, port; add clock; remove worker");
    }

    @Test
    void namesProbesAndResourcesButNeverValues() {
        ProcessTemplate probed = web(5000, "bin/web");
        probed.setReadinessProbe(new ProbeBuilder().withNewHttpGet().withPath("/secret-path").endHttpGet().build());

        String description = ProcessChange.describe(Map.of("web", web(5000, "bin/web")), Map.of("web", probed));

        assertThat(description).isEqualTo("Change web: readinessProbe").doesNotContain("secret");
        assertThat(ProcessChange.describe(Map.of(), Map.of("web", web(5000, "bin/web")))).isEqualTo("Add web");
        assertThat(ProcessChange.describe(Map.of("web", web(5000, "bin/web")), Map.of())).isEqualTo("Remove web");
    }

    @Test
    void theDigestIgnoresReplicasOrderAndAnEmptyEntry() {
        ProcessSpec two = ProcessSpec.of(web(5000, "bin/web"), 2);
        ProcessSpec five = ProcessSpec.of(web(5000, "bin/web"), 5);
        Map<String, ProcessSpec> ordered = new LinkedHashMap<>();
        ordered.put("web", two);
        ordered.put("worker", null);
        Map<String, ProcessSpec> reversed = new LinkedHashMap<>();
        reversed.put("worker", new ProcessSpec());
        reversed.put("web", five);

        assertThat(ProcessChange.digest(ProcessChange.templates(ordered))).isEqualTo(ProcessChange.digest(ProcessChange.templates(reversed)));
        assertThat(ProcessChange.same(Map.of("web", web(5000, "bin/web")), Map.of("web", web(5001, "bin/web")))).isFalse();
    }

    /** Each field of a template, changed alone, is a change; the last check fails when ProcessTemplate gains a field. */
    @Test
    void sameComparesEveryFieldOfATemplate() {
        List<java.util.function.Consumer<ProcessTemplate>> changes = List.of(
            t -> t.setCommand(List.of("bin/other")),
            t -> t.setArgs(List.of("--verbose")),
            t -> t.setPort(5001),
            t -> t.setResources(new ResourceRequirementsBuilder().addToLimits("memory", new Quantity("512Mi")).build()),
            t -> t.setReadinessProbe(new ProbeBuilder().withNewHttpGet().withPath("/ready").endHttpGet().build()),
            t -> t.setLivenessProbe(new ProbeBuilder().withNewHttpGet().withPath("/alive").endHttpGet().build()));
        for (var change : changes) {
            ProcessTemplate changed = web(5000, "bin/web");
            change.accept(changed);
            assertThat(ProcessChange.same(Map.of("web", web(5000, "bin/web")), Map.of("web", changed))).isFalse();
        }
        assertThat(ProcessChange.same(Map.of("web", web(5000, "bin/web")), Map.of("web", web(5000, "bin/web")))).isTrue();
        assertThat(ProcessChange.same(Map.of("web", web(5000, "bin/web")), Map.of("worker", web(5000, "bin/web")))).isFalse();
        assertThat(Arrays.stream(ProcessTemplate.class.getDeclaredFields()).filter(f -> !Modifier.isStatic(f.getModifiers())))
            .as("a new field of ProcessTemplate must be compared by ProcessChange").hasSize(changes.size());
    }

    @Test
    void sameIgnoresReplicasAnEmptyEntryAndHowAQuantityIsWritten() {
        Map<String, ProcessTemplate> running = new LinkedHashMap<>();
        running.put("web", ProcessSpec.of(web(5000, "bin/web"), 2));
        running.put("worker", null);
        ProcessTemplate half = web(5000, "bin/web");
        half.setResources(new ResourceRequirementsBuilder().addToRequests("cpu", new Quantity("500m")).build());
        ProcessTemplate sameHalf = web(5000, "bin/web");
        sameHalf.setResources(new ResourceRequirementsBuilder().addToRequests("cpu", new Quantity("0.5")).build());

        assertThat(ProcessChange.same(running, Map.of("web", ProcessSpec.of(web(5000, "bin/web"), 5), "worker", new ProcessTemplate()))).isTrue();
        assertThat(ProcessChange.same(Map.of("web", half), Map.of("web", sameHalf))).isTrue();
        assertThat(ProcessChange.same(null, Map.of())).isTrue();
    }

    @Test
    void templatesDropReplicas() {
        ProcessTemplate template = ProcessChange.templates(Map.of("web", ProcessSpec.of(web(5000, "bin/web"), 3))).get("web");

        assertThat(template).isNotInstanceOf(ProcessSpec.class);
        assertThat(template.getCommand()).containsExactly("bin/web");
    }

    private static ProcessTemplate web(Integer port, String command) {
        ProcessTemplate template = new ProcessTemplate();
        template.setPort(port);
        template.setCommand(List.of(command));
        return template;
    }
}

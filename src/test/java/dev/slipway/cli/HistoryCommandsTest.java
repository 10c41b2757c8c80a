package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.slipway.model.App;
import dev.slipway.model.ReleasePhase;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** apps, releases, releases info and releases manifest: tables, JSON, YAML, and secrets kept out of sight. */
class HistoryCommandsTest extends CliScenario {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void history() {
        shopWithTwoReleases();
    }

    @Test
    void appsShowsActiveAndLatestVersionAndReadiness() throws Exception {
        Run table = slipway("apps");
        assertThat(table.exit()).isZero();
        assertThat(table.out().lines().toList().get(0)).startsWith("APP").contains("ACTIVE", "LATEST", "PINNED", "READY");
        assertThat(table.out()).containsPattern("shop\\s+v2\\s+v2\\s+-\\s+True \\(Active\\)");

        JsonNode json = JSON.readTree(slipway("apps", "-o", "json").out());
        assertThat(json.get(0).get("name").asText()).isEqualTo("shop");
        assertThat(json.get(0).get("active").asLong()).isEqualTo(2);
        assertThat(json.get(0).get("ready").asText()).isEqualTo("True");
    }

    @Test
    void releasesListsTheHistoryNewestFirst() throws Exception {
        Run run = slipway("releases", "-a", "shop");

        assertThat(run.exit()).isZero();
        var lines = run.out().lines().toList();
        assertThat(lines.get(0)).containsPattern("VERSION\\s+CHANGE\\s+BY\\s+WHEN\\s+PHASE");
        assertThat(lines.get(1)).containsPattern("v2\\s+Deploy 9f2c1d3e\\s+-\\s+(just now|\\d+s ago)\\s+Active");
        assertThat(lines.get(2)).containsPattern("v1\\s+Deploy 6d58b1ce\\s+-\\s+.*Superseded");
        assertThat(slipway("releases", "-a", "shop", "--num", "1").out().lines()).hasSize(2);

        JsonNode json = JSON.readTree(slipway("releases", "-a", "shop", "-o", "json").out());
        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("version").asLong()).isEqualTo(2);
        assertThat(json.get(0).get("phase").asText()).isEqualTo("Active");
        JsonNode yaml = new YAMLMapper().readTree(slipway("releases", "-a", "shop", "-o", "yaml").out());
        assertThat(yaml.get(1).get("change").asText()).isEqualTo("Deploy 6d58b1ce");
    }

    @Test
    void aLongDescriptionIsCutToTheTerminalWidthInTheTableOnly() throws Exception {
        String description = "Rotate the payment provider's credentials after the incident of last week; see the postmortem for why";
        assertThat(slipway("deploy", "registry.example/shop/web:3", "-a", "shop", "--description", description).exit()).isZero();

        List<String> narrow = slipway(Terminal.of(false, java.util.Map.of("COLUMNS", "80")::get, () -> Terminal.NO_LIMIT),
            "releases", "-a", "shop").out().lines().toList();
        assertThat(narrow).allMatch(line -> line.length() <= 80);
        assertThat(narrow.get(1)).startsWith("v3        Rotate the payment").contains("…   alice").endsWith("Active");
        assertThat(slipway("releases", "-a", "shop").out()).as("a pipe gets the whole text").contains(description);
        assertThat(slipway(Terminal.of(false, java.util.Map.of("COLUMNS", "80")::get, () -> Terminal.NO_LIMIT),
            "releases", "info", "-a", "shop").out()).contains(description);
        assertThat(JSON.readTree(slipway("releases", "-a", "shop", "-o", "json").out()).get(0).get("change").asText())
            .isEqualTo(description);
    }

    @Test
    void releaseInfoShowsConfigNamesAndValuesOnlyWhenAsked() throws Exception {
        Run newest = slipway("releases", "info", "-a", "shop");
        assertThat(newest.exit()).isZero();
        assertThat(newest.out()).startsWith("=== shop v2").contains("Deploy 9f2c1d3e").contains("registry.example/shop/web:2")
            .contains("9f2c1d3e7b6a (main)").containsPattern("Config:\\s+LOG_LEVEL, SECRET_TOKEN").contains("Phase:", "Active")
            .doesNotContain("s3cr3t-value");

        Run v1 = slipway("releases:info", "v1", "-a", "shop", "--show-values");
        assertThat(v1.out()).startsWith("=== shop v1").contains("Superseded").contains("SECRET_TOKEN=s3cr3t-value");

        JsonNode json = JSON.readTree(slipway("releases", "info", "1", "-a", "shop", "-o", "json").out());
        assertThat(json.get("configNames").toString()).isEqualTo("[\"LOG_LEVEL\",\"SECRET_TOKEN\"]");
        assertThat(json.has("config")).as("values only with --show-values").isFalse();
        assertThat(slipway("releases", "info", "shop-a", "-a", "shop", "-o", "json", "--show-values").out()).contains("s3cr3t-value");
    }

    @Test
    void manifestIsWhatTheOperatorRunsTheReleaseAs() throws Exception {
        Run run = slipway("releases", "manifest", "v1", "-a", "shop");

        assertThat(run.exit()).isZero();
        var documents = new YAMLMapper().readValues(new YAMLMapper().createParser(run.out()), JsonNode.class).readAll();
        assertThat(documents).extracting(d -> d.get("kind").asText() + "/" + d.at("/metadata/name").asText())
            .containsExactly("Deployment/shop-web", "Service/shop-web", "Deployment/shop-worker");
        JsonNode container = documents.get(0).at("/spec/template/spec/containers/0");
        assertThat(container.get("image").asText()).isEqualTo("registry.example/shop/web:1");
        assertThat(container.get("env").toString()).contains("SLIPWAY_RELEASE_VERSION").contains("v1")
            .contains(ManifestCommand.HIDDEN).doesNotContain("s3cr3t-value");
        assertThat(cluster.deployment("shop-web").getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
            .as("v2 runs; the manifest of v1 is only computed").isEqualTo("registry.example/shop/web:2");

        assertThat(slipway("releases:manifest", "v1", "-a", "shop", "--show-values").out()).contains("s3cr3t-value");
        JsonNode list = JSON.readTree(slipway("releases", "manifest", "v2", "-a", "shop", "-o", "json").out());
        assertThat(list.get("kind").asText()).isEqualTo("List");
        assertThat(list.get("items")).hasSize(3);
    }

    @Test
    void manifestRendersTheReleasesOwnTemplatesWithTheAppsReplicas() throws Exception {
        cluster.update(App.class, "shop", app -> {
            app.getSpec().getProcesses().get("web").setCommand(List.of("bin/server"));
            app.getSpec().getProcesses().get("web").setPort(8080);
            app.getSpec().getProcesses().get("web").setReplicas(4);
            app.getSpec().getProcesses().remove("worker");
        });
        cluster.awaitPhase("shop-v3", ReleasePhase.Active);

        var documents = new YAMLMapper().readValues(new YAMLMapper().createParser(slipway("releases", "manifest", "v1", "-a", "shop").out()),
            JsonNode.class).readAll();

        assertThat(documents).extracting(d -> d.get("kind").asText() + "/" + d.at("/metadata/name").asText())
            .as("v1's processes, not the App's now").containsExactly("Deployment/shop-web", "Service/shop-web", "Deployment/shop-worker");
        assertThat(documents.get(0).at("/spec/template/spec/containers/0/command").toString()).isEqualTo("[\"bin/web\"]");
        assertThat(documents.get(0).at("/spec/replicas").asInt()).as("replicas are the App's").isEqualTo(4);
        assertThat(documents.get(1).at("/spec/ports/0/port").asInt()).isEqualTo(5000);
        JsonNode v3 = new YAMLMapper().readTree(slipway("releases", "manifest", "v3", "-a", "shop").out());
        assertThat(v3.at("/spec/template/spec/containers/0/command").toString()).isEqualTo("[\"bin/server\"]");
    }

    @Test
    void unknownAppOrReleaseIsNotFound() {
        Run app = slipway("releases", "-a", "nosuch");
        assertThat(app.exit()).isEqualTo(Exit.NOT_FOUND.code).isEqualTo(3);
        assertThat(app.err()).isEqualTo("error: App nosuch not found in namespace shop; kubectl slipway apps -n shop lists the Apps there\n");

        Run release = slipway("releases", "info", "v9", "-a", "shop");
        assertThat(release.exit()).isEqualTo(3);
        assertThat(release.err()).contains("App shop has no release v9");

        assertThat(slipway("releases", "-a", "shop", "-n", "elsewhere").exit()).as("-n picks the namespace").isEqualTo(3);
        assertThat(slipway("releases", "-a", "shop", "--context", "elsewhere").err()).as("--context picks the context's namespace")
            .contains("not found in namespace elsewhere");
    }
}

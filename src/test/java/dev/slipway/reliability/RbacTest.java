package dev.slipway.reliability;

import static dev.slipway.testing.Manifests.process;
import static dev.slipway.testing.Manifests.promotion;
import static dev.slipway.testing.Manifests.release;
import static dev.slipway.testing.Manifests.rollback;
import static dev.slipway.testing.Manifests.webAndWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.RequestPhase;
import dev.slipway.testing.Cluster;
import dev.slipway.testing.RequestLog;
import dev.slipway.testing.ServerFixture;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The ClusterRole in deploy/ is exactly what the operator uses: every request the operator makes in a scenario
 * that exercises every feature is allowed by it, and every permission it grants is used.
 */
class RbacTest {
    private static final String OPERATOR = "slipway-operator-rbac";
    private static final Path ENV_SNAPSHOTS = Path.of("deploy/components/env-snapshots");
    private static final Pattern PATH = Pattern.compile(
        "^/(?:api/v1|apis/([^/]+)/[^/]+)(?:/namespaces/[^/]+)?/([a-z]+)(?:/([^/?]+))?(?:/([a-z]+))?(?:\\?.*)?$");

    @Test
    void theClusterRoleGrantsWhatTheOperatorUsesAndNothingMore() throws Exception {
        ServerFixture<RequestLog> log = ServerFixture.of(RequestLog::new);
        try (Cluster cluster = new Cluster(log)) {
            cluster.stopOperator();
            cluster.startOperator(OPERATOR);
            everyFeature(cluster);
            Set<String> granted = granted(Path.of("deploy/cluster-wide/clusterrole.yaml"));
            // Checked by the OwnerReferencesPermissionEnforcement admission plugin when children are created with
            // blockOwnerDeletion, not requested as such; the mock server has no admission plugins.
            granted.remove("slipway.dev/apps/finalizers:update");
            // Events are sent by a background thread, so the last ones may arrive after the scenario has converged.
            await().atMost(Cluster.CONVERGENCE).until(() -> used(log.get()).containsAll(granted));
            Set<String> used = used(log.get());
            assertThat(granted).as("the ClusterRole grants every request the operator made").containsAll(used);
            assertThat(used).as("every permission of the ClusterRole is used").containsAll(granted);
        }
    }

    /**
     * With the env-snapshots component (deploy/components/env-snapshots) the same holds for the base ClusterRole and the
     * component's together, once an App opts in; the test above, without the component, shows that without an App that
     * opts in the operator makes no request the base role does not grant, Secrets included.
     */
    @Test
    void theEnvSnapshotsComponentGrantsWhatOptedInAppsAddAndNothingMore() throws Exception {
        ServerFixture<RequestLog> log = ServerFixture.of(RequestLog::new);
        try (Cluster cluster = new Cluster(log)) {
            cluster.stopOperator();
            cluster.startOperator(OPERATOR);
            everyFeature(cluster);
            envSnapshots(cluster);
            Set<String> granted = granted(Path.of("deploy/cluster-wide/clusterrole.yaml"));
            granted.addAll(granted(ENV_SNAPSHOTS.resolve("cluster-wide/clusterrole.yaml")));
            granted.remove("slipway.dev/apps/finalizers:update");
            await().atMost(Cluster.CONVERGENCE).until(() -> used(log.get()).containsAll(granted));
            Set<String> used = used(log.get());
            assertThat(granted).as("the ClusterRoles grant every request the operator made").containsAll(used);
            assertThat(used).as("every permission of the ClusterRoles is used").containsAll(granted);
        }
    }

    @Test
    void theNamespacedEnvSnapshotsRoleGrantsWhatTheClusterWideOneGrants() throws Exception {
        assertThat(granted(ENV_SNAPSHOTS.resolve("namespaced/role.yaml")))
            .isEqualTo(granted(ENV_SNAPSHOTS.resolve("cluster-wide/clusterrole.yaml")));
    }

    /** An App that opts in: two releases of the same content (shared snapshots), then a rotated Secret. */
    private static void envSnapshots(Cluster cluster) {
        cluster.create(new SecretBuilder().withNewMetadata().withName("vault-db").withNamespace("shop").endMetadata()
            .withData(Map.of("PASSWORD", "MQ==")).build());
        cluster.create(new ConfigMapBuilder().withNewMetadata().withName("vault-settings").withNamespace("shop").endMetadata()
            .withData(Map.of("MODE", "fast")).build());
        App app = webAndWorker("vault", Map.of());
        app.getSpec().setEnvFrom(List.of(new EnvFromSourceBuilder().withNewSecretRef("vault-db", false).build(),
            new EnvFromSourceBuilder().withNewConfigMapRef("vault-settings", false).build()));
        app.getSpec().setSnapshotEnvFrom(true);
        cluster.create(app);
        for (int i = 1; i <= 2; i++) {
            cluster.create(release("vault-" + i, "vault", "registry.example/vault/web:" + i));
            cluster.awaitPhase("vault-" + i, ReleasePhase.Active);
        }
        // Data, not stringData: a real API server moves stringData into data, the mock server keeps it as sent.
        cluster.update(Secret.class, "vault-db", s -> s.setData(Map.of("PASSWORD", "Mg==")));
        cluster.awaitPhase("vault-v3", ReleasePhase.Active);
    }

    private static Set<String> used(RequestLog log) {
        Set<String> used = new TreeSet<>();
        for (RequestLog.Request request : log.requests()) {
            boolean operator = OPERATOR.equals(request.userAgent())
                || (request.userAgent() == null && request.path().contains("watch=true"));
            if (operator && !request.path().contains("/selfsubjectrulesreviews") && !request.path().contains("/leases")) {
                used.add(permission(request));
            }
        }
        return used;
    }

    /**
     * Deploys, a hand-edited Service, a name collision with a user's Release, a config change, a rollback, a staged
     * release promoted, pruning, a Deployment and a Service in the way, a removed process, an orphan release, rollback
     * and promotion.
     */
    private static void everyFeature(Cluster cluster) {
        App app = webAndWorker("shop", Map.of("A", "1"));
        app.getSpec().setHistoryLimit(1);
        cluster.create(app);
        for (int i = 1; i <= 3; i++) {
            cluster.create(release("shop-" + i, "shop", "registry.example/shop/web:" + i));
            cluster.awaitPhase("shop-" + i, ReleasePhase.Active);
        }
        cluster.update(Service.class, "shop-web", s -> s.getSpec().setSelector(Map.of("hand", "edited")));
        await().atMost(Cluster.CONVERGENCE).until(() -> !cluster.client.services().inNamespace("shop").withName("shop-web").get()
            .getSpec().getSelector().containsKey("hand"));
        cluster.create(release("shop-v5", "shop", "registry.example/shop/web:4"));
        cluster.awaitPhase("shop-v5", ReleasePhase.Active);
        cluster.update(App.class, "shop", a -> a.getSpec().getConfig().put("A", "2"));
        awaitActiveVersion(cluster, 5);
        cluster.create(rollback("undo", "shop", "v4"));
        cluster.awaitRollback("undo", RequestPhase.Succeeded);
        Release staged = release("shop-staged", "shop", "registry.example/shop/web:5");
        staged.getSpec().setPromote(false);
        cluster.create(staged);
        cluster.awaitPhase("shop-staged", ReleasePhase.Waiting);
        cluster.create(promotion("ship", "shop", "shop-staged"));
        cluster.awaitPromotion("ship", RequestPhase.Succeeded);
        cluster.create(new DeploymentBuilder().withNewMetadata().withName("shop-api").withNamespace("shop").endMetadata()
            .withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withName("x").withImage("x").endContainer()
            .endSpec().endTemplate().endSpec().build());
        cluster.create(new ServiceBuilder().withNewMetadata().withName("shop-admin").withNamespace("shop").endMetadata()
            .withNewSpec().addNewPort().withPort(80).endPort().endSpec().build());
        cluster.update(App.class, "shop", a -> {
            a.getSpec().getProcesses().remove("web");
            a.getSpec().getProcesses().put("api", process(1, List.of("bin/api")));
            var admin = process(1, List.of("bin/admin"));
            admin.setPort(9000);
            a.getSpec().getProcesses().put("admin", admin);
        });
        await().atMost(Cluster.CONVERGENCE).until(() -> cluster.deployment("shop-web") == null
            && cluster.client.services().inNamespace("shop").withName("shop-web").get() == null
            && cluster.app("shop").getStatus().getConditions().stream().anyMatch(c -> "WorkloadConflict".equals(c.getReason())));
        cluster.create(release("orphan-1", "orphan", "registry.example/orphan/web:1"));
        cluster.awaitPhase("orphan-1", ReleasePhase.Pending);
        cluster.create(rollback("orphan-undo", "orphan", "v1"));
        cluster.awaitRollback("orphan-undo", RequestPhase.Failed);
        cluster.create(promotion("orphan-ship", "orphan", "v1"));
        cluster.awaitPromotion("orphan-ship", RequestPhase.Failed);
        await().atMost(Cluster.CONVERGENCE).until(() -> cluster.releasesOf("shop").size() <= 3);
    }

    private static void awaitActiveVersion(Cluster cluster, long version) {
        await().atMost(Cluster.CONVERGENCE).until(() -> {
            var status = cluster.app("shop").getStatus();
            return status.getActiveRelease() != null && status.getActiveRelease().getVersion() == version;
        });
    }

    /** "group/resource[/subresource]:verb", the way RBAC rules name a request. */
    static String permission(RequestLog.Request request) {
        Matcher matcher = PATH.matcher(request.path());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("unexpected path " + request.path());
        }
        String group = matcher.group(1) == null ? "" : matcher.group(1);
        String resource = matcher.group(2) + (matcher.group(4) == null ? "" : "/" + matcher.group(4));
        String verb = switch (request.method()) {
            case "GET" -> request.path().contains("watch=true") ? "watch" : matcher.group(3) == null ? "list" : "get";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> "delete";
            default -> request.method();
        };
        return group + "/" + resource + ":" + verb;
    }

    private static Set<String> granted(Path role) throws Exception {
        JsonNode rbac = new ObjectMapper(new YAMLFactory()).readTree(role.toFile());
        Set<String> granted = new TreeSet<>();
        for (JsonNode rule : rbac.get("rules")) {
            for (JsonNode group : rule.get("apiGroups")) {
                for (JsonNode resource : rule.get("resources")) {
                    for (JsonNode verb : rule.get("verbs")) {
                        granted.add(group.asText() + "/" + resource.asText() + ":" + verb.asText());
                    }
                }
            }
        }
        return granted;
    }
}

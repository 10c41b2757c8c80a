package dev.slipway.cli;

import dev.slipway.cli.args.CommandSpec;
import dev.slipway.model.App;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** `apps`: every App in the namespace with its active and latest version and whether it is ready. */
final class AppsCommand extends SlipwayCommand {

    record AppSummary(String name, Long active, Long latest, String pinned, String ready, String reason, String message,
                      String createdAt) {
        static AppSummary of(App app) {
            var status = app.getStatus();
            Condition ready = status == null ? null : status.getConditions().stream()
                .filter(c -> "Ready".equals(c.getType())).findFirst().orElse(null);
            return new AppSummary(app.getMetadata().getName(),
                status == null || status.getActiveRelease() == null ? null : status.getActiveRelease().getVersion(),
                status == null ? null : status.getLatestVersion(), app.getSpec() == null ? null : app.getSpec().getRelease(),
                ready == null ? "Unknown" : ready.getStatus(), ready == null ? null : ready.getReason(),
                ready == null ? null : ready.getMessage(), app.getMetadata().getCreationTimestamp());
        }
    }

    @Override
    CommandSpec describe() {
        return new CommandSpec("apps", "List Apps: active version, latest version, pin, ready state.");
    }

    @Override
    void run(Session session) {
        List<App> apps = options.app != null && !options.app.isBlank() ? List.of(session.app(options.app, "check the name, or the namespace (-n; kubectl get apps.slipway.dev -A lists every namespace's)"))
            : session.client().resources(App.class).inNamespace(session.namespace()).list().getItems();
        List<AppSummary> summaries = apps.stream().map(AppSummary::of).sorted(Comparator.comparing(AppSummary::name)).toList();
        print(summaries, () -> {
            if (summaries.isEmpty()) {
                out().println("No Apps in namespace " + session.namespace() + "; another namespace: -n NAMESPACE"
                    + " (kubectl get apps.slipway.dev -A lists every namespace's).");
                return;
            }
            Instant now = Instant.now();
            Table table = new Table("APP", "ACTIVE", "LATEST", "PINNED", "READY", "AGE");
            summaries.forEach(a -> table.row(a.name(), a.active() == null ? "-" : "v" + a.active(),
                a.latest() == null ? "-" : "v" + a.latest(), a.pinned() == null ? "-" : a.pinned(),
                a.reason() == null ? a.ready() : a.ready() + " (" + a.reason() + ")", Ago.of(a.createdAt(), now).replace(" ago", "")));
            table.print(out());
        });
    }
}

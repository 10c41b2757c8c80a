package dev.slipway.demo;

import dev.slipway.model.App;
import dev.slipway.model.Release;
import dev.slipway.release.Releases;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Prints release history the way `heroku releases` does, newest first. */
final class HistoryTable {
    private HistoryTable() {
    }

    static String releases(App app, List<Release> releases, Instant now) {
        var active = app.getStatus() == null ? null : app.getStatus().getActiveRelease();
        StringBuilder out = new StringBuilder("=== " + app.getMetadata().getName() + " Releases - Current: "
            + (active == null ? "none" : "v" + active.getVersion()) + "\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"VERSION", "DESCRIPTION", "IMAGE", "PHASE", "AGE"});
        releases.stream()
            .filter(Releases::isNumbered)
            .sorted(Comparator.comparing(Releases::version).reversed())
            .forEach(r -> rows.add(new String[] {
                Releases.label(r),
                r.getSpec().getDescription(),
                r.getSpec().getImage(),
                String.valueOf(r.getStatus().getPhase()),
                age(r.getMetadata().getCreationTimestamp(), now)}));
        return out.append(table(rows)).toString();
    }

    static String deployments(List<Deployment> deployments) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"DEPLOYMENT", "IMAGE", "RELEASE", "READY"});
        deployments.stream().sorted(Comparator.comparing(d -> d.getMetadata().getName())).forEach(d -> rows.add(new String[] {
            d.getMetadata().getName(),
            d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage(),
            "v" + d.getSpec().getTemplate().getMetadata().getLabels().get("slipway.dev/version"),
            (d.getStatus() == null || d.getStatus().getReadyReplicas() == null ? 0 : d.getStatus().getReadyReplicas())
                + "/" + d.getSpec().getReplicas()}));
        return table(rows);
    }

    private static String age(String timestamp, Instant now) {
        Duration age = Duration.between(Instant.parse(timestamp), now);
        return age.toMinutes() > 0 ? age.toMinutes() + "m" : Math.max(0, age.toSeconds()) + "s";
    }

    private static String table(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i] == null ? 4 : row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                String cell = row[i] == null ? "" : row[i];
                out.append(i == row.length - 1 ? cell : String.format("%-" + (widths[i] + 2) + "s", cell));
            }
            out.append('\n');
        }
        return out.toString();
    }
}

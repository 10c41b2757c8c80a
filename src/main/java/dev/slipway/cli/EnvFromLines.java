package dev.slipway.cli;

import dev.slipway.model.EnvSnapshot;
import dev.slipway.model.Release;
import java.util.ArrayList;
import java.util.List;

/**
 * Which env vars come from which Secret or ConfigMap, as a release's snapshots record them: names only, never values,
 * which the plugin does not read (it needs no access to Secrets).
 */
final class EnvFromLines {
    private EnvFromLines() {
    }

    /** One line per snapshot, e.g. "Secret db-credentials (snapshot shop-db-credentials-1a2b3c4d5e): PASSWORD, USER". */
    static List<String> of(Release release) {
        List<String> lines = new ArrayList<>();
        List<EnvSnapshot> snapshots = release == null || release.getSpec() == null ? null : release.getSpec().getEnvSnapshots();
        if (snapshots == null) {
            return lines;
        }
        for (EnvSnapshot snapshot : snapshots) {
            List<String> keys = snapshot.getKeys() == null ? List.of() : snapshot.getKeys();
            lines.add(snapshot.getKind() + " " + snapshot.getSource() + " (snapshot " + snapshot.getName() + "): "
                + (keys.isEmpty() ? "(no keys)" : String.join(", ", keys)));
        }
        return lines;
    }
}

package dev.slipway.release;

import dev.slipway.model.Release;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;

/** How users name a release: "v12", "12" or the Release's object name. */
public record VersionRef(Long version, String name) {
    private static final Pattern VERSION = Pattern.compile("^v?([0-9]{1,18})$");

    public static VersionRef parse(String text) {
        String trimmed = text.trim();
        var matcher = VERSION.matcher(trimmed);
        return matcher.matches() ? new VersionRef(Long.parseLong(matcher.group(1)), null) : new VersionRef(null, trimmed);
    }

    /** Finds the numbered release this reference names. */
    public Optional<Release> find(Collection<Release> numbered) {
        return numbered.stream()
            .filter(r -> version != null
                ? version.equals(Releases.version(r))
                : name.equals(r.getMetadata().getName()))
            .findFirst();
    }

    @Override
    public String toString() {
        return version != null ? "v" + version : name;
    }
}

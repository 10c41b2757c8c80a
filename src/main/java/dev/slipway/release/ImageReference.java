package dev.slipway.release;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A container image reference, [registry/]path[:tag][@digest], as the distribution spec defines it. */
public record ImageReference(String name, String tag, String digest) {
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String DOMAIN = "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?|\\[[0-9a-fA-F:]+\\](?::[0-9]+)?)";
    private static final Pattern REFERENCE = Pattern.compile(
        "^((?:" + DOMAIN + "/)?" + COMPONENT + "(?:/" + COMPONENT + ")*)"
            + "(?::([\\w][\\w.-]{0,127}))?"
            + "(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$");

    public static Optional<ImageReference> parse(String reference) {
        if (reference == null || reference.length() > 1024) {
            return Optional.empty();
        }
        Matcher matcher = REFERENCE.matcher(reference);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ImageReference(matcher.group(1), matcher.group(2), matcher.group(3)));
    }

    /** What identifies this build to a person: the tag, else a short digest, else "latest". */
    public String shortLabel() {
        if (tag != null) {
            return tag;
        }
        if (digest != null) {
            int colon = digest.indexOf(':');
            return digest.substring(0, Math.min(digest.length(), colon + 1 + 12));
        }
        return "latest";
    }
}

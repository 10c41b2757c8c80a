package dev.slipway.release;

import dev.slipway.model.Release;
import java.util.Map;
import java.util.Optional;

/**
 * A version given out before it is committed on a release: to the release with this uid ({@code uid:<uid>}) or to
 * the release the operator makes for a request ({@code <annotation>=<value>}, e.g. a Rollback's uid). Kept in the
 * App's {@link NameLedger} so that the next pass, possibly in another replica after a crash or a lost response,
 * gives the same release the same version and makes a requested release under the same name.
 */
public record Claim(long version, String name, String key) {
    public static String ofUid(String uid) {
        return "uid:" + uid;
    }

    public static String ofRequest(String annotation, String value) {
        return annotation + "=" + value;
    }

    /** The decision that a request is refused, claimed like a version so that no other replica makes a release for it. */
    public static Claim refusal(String key) {
        return new Claim(0, "-", key);
    }

    public boolean refused() {
        return version == 0;
    }

    public boolean forRequest() {
        return !key.startsWith("uid:");
    }

    /** Whether this claim was made for {@code release}: by its uid, or by the request its annotation names. */
    public boolean isFor(Release release) {
        if (!forRequest()) {
            return key.equals(ofUid(release.getMetadata().getUid()));
        }
        int eq = key.indexOf('=');
        Map<String, String> annotations = release.getMetadata().getAnnotations();
        return annotations != null && key.substring(eq + 1).equals(annotations.get(key.substring(0, eq)));
    }

    /** One line of the ledger: {@code <version> <name> <key>}; names and keys have no spaces. */
    public String line() {
        return version + " " + name + " " + key;
    }

    static Optional<Claim> parse(String line) {
        String[] parts = line.trim().split(" ");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Claim(Long.parseLong(parts[0]), parts[1], parts[2]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

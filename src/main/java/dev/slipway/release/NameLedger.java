package dev.slipway.release;

import dev.slipway.model.Release;
import dev.slipway.model.Slipway;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Every release name an App ever numbered, by version, so that a name is numbered once: a release created again
 * under a pruned or deleted name (a GitOps sync or {@code kubectl apply -f releases/} putting the file back) is
 * recognised and never runs. Kept compact for Apps with a long life: six bytes of the name's SHA-256 per version
 * (the version is the position), 600 KB at 100,000 releases, and the last {@link #MAX_DEPARTURES} prunes with
 * when and why. A new name taken for a recorded one has a chance of about versions / 2^48 (3.6e-10 at
 * 100,000). It also holds the {@link Claim}s of versions given out and not yet known to be committed: the ledger
 * is written before a version is used, conditionally on the version read, which fences a replica that leads on a
 * stale view (see docs/design-decisions.md, "Fencing"). Immutable: changes return a new ledger.
 */
public final class NameLedger {
    public static final int HASH_BYTES = 6;
    public static final int MAX_DEPARTURES = 100;
    /** Request claims kept after their release was committed, so that a replica on a stale view finds them. */
    public static final int KEPT_REQUEST_CLAIMS = 32;
    private static final byte[] UNKNOWN = new byte[HASH_BYTES];

    private final byte[] names;
    private final List<String> departures;
    private final List<Claim> claims;

    private NameLedger(byte[] names, List<String> departures, List<Claim> claims) {
        this.names = names;
        this.departures = List.copyOf(departures);
        this.claims = List.copyOf(claims);
    }

    public static NameLedger empty() {
        return new NameLedger(new byte[0], List.of(), List.of());
    }

    /**
     * @param departures lines "v&lt;N&gt; &lt;when&gt; &lt;why&gt;", oldest first
     * @param claims     lines of {@link Claim#line()}
     */
    public static NameLedger of(byte[] names, String departures, String claims) {
        byte[] whole = names == null ? new byte[0] : Arrays.copyOf(names, names.length - names.length % HASH_BYTES);
        return new NameLedger(whole, lines(departures),
            lines(claims).stream().map(Claim::parse).flatMap(Optional::stream).toList());
    }

    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of() : text.lines().filter(l -> !l.isBlank()).toList();
    }

    /** The highest version given out: recorded or claimed. */
    public long highest() {
        return Math.max(names.length / HASH_BYTES, claims.stream().mapToLong(Claim::version).max().orElse(0));
    }

    /**
     * The version this very release was given, when the ledger has its name: by its claim (its uid, or the request
     * it was made for), or, for one that lost its status (a restore from a backup), by the version label it still
     * carries, unless that version is known to have been pruned or deleted.
     */
    public OptionalLong versionGiven(Release release) {
        String name = release.getMetadata().getName();
        OptionalLong version = versionOf(name);
        if (version.isEmpty()) {
            return version;
        }
        long v = version.getAsLong();
        boolean claimed = claims.stream().anyMatch(c -> c.version() == v && c.name().equals(name) && c.isFor(release));
        String label = release.getMetadata().getLabels() == null ? null : release.getMetadata().getLabels().get(Slipway.LABEL_VERSION);
        boolean labelled = String.valueOf(v).equals(label) && departure(v).isEmpty();
        return claimed || labelled ? version : OptionalLong.empty();
    }

    /** The claim made for a request, if still kept. */
    public Optional<Claim> claimFor(String key) {
        return claims.stream().filter(c -> c.key().equals(key)).reduce((first, second) -> second);
    }

    /**
     * This ledger with {@code added} claimed: their names recorded at their versions, and kept as claims with those
     * still uncommitted ({@code committedUpTo} is the highest version known committed) and the newest request claims.
     */
    public NameLedger claimed(List<Claim> added, long committedUpTo) {
        List<Claim> all = new ArrayList<>(claims);
        all.removeIf(c -> added.stream().anyMatch(a -> a.key().equals(c.key())));
        all.addAll(added);
        List<Claim> requests = all.stream().filter(Claim::forRequest).toList();
        List<Claim> newestRequests = requests.subList(Math.max(0, requests.size() - KEPT_REQUEST_CLAIMS), requests.size());
        List<Claim> kept = all.stream().filter(c -> c.version() > committedUpTo || newestRequests.contains(c)).toList();
        Map<Long, String> named = new TreeMap<>();
        added.stream().filter(c -> !c.refused()).forEach(c -> named.put(c.version(), c.name()));
        return new NameLedger(with(named).names, departures, kept);
    }

    /** The version {@code name} was numbered as, if it ever was. */
    public OptionalLong versionOf(String name) {
        byte[] hash = hash(name);
        for (int offset = 0; offset < names.length; offset += HASH_BYTES) {
            if (Arrays.equals(names, offset, offset + HASH_BYTES, hash, 0, HASH_BYTES)) {
                return OptionalLong.of(offset / HASH_BYTES + 1L);
            }
        }
        return OptionalLong.empty();
    }

    /** Whether every one of {@code numbered} (version to name) is recorded. */
    public boolean covers(Map<Long, String> numbered) {
        return numbered.entrySet().stream().allMatch(e -> recorded(e.getKey(), e.getValue()));
    }

    /** This ledger with {@code numbered} (version to name) recorded. */
    public NameLedger with(Map<Long, String> numbered) {
        long highest = numbered.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        byte[] grown = Arrays.copyOf(names, (int) Math.max(names.length, highest * HASH_BYTES));
        numbered.forEach((version, name) -> System.arraycopy(hash(name), 0, grown, (int) ((version - 1) * HASH_BYTES), HASH_BYTES));
        return new NameLedger(grown, departures, claims);
    }

    /** This ledger with the departure of {@code version} recorded, the oldest dropped past {@link #MAX_DEPARTURES}. */
    public NameLedger departed(long version, String when, String why) {
        List<String> lines = new ArrayList<>(departures);
        lines.add("v" + version + " " + when + " " + why);
        return new NameLedger(names, lines.subList(Math.max(0, lines.size() - MAX_DEPARTURES), lines.size()), claims);
    }

    /** "pruned (historyLimit) at 2026-11-29T19:40:00Z" for a departure still recorded. */
    public Optional<String> departure(long version) {
        String prefix = "v" + version + " ";
        return departures.stream().filter(l -> l.startsWith(prefix)).reduce((first, second) -> second)
            .map(l -> l.substring(prefix.length())).map(rest -> {
                int space = rest.indexOf(' ');
                return space < 0 ? rest : rest.substring(space + 1) + " at " + rest.substring(0, space);
            });
    }

    public byte[] names() {
        return names.clone();
    }

    public String departures() {
        return departures.isEmpty() ? "" : String.join("\n", departures) + "\n";
    }

    public String claims() {
        return claims.stream().map(c -> c.line() + "\n").reduce("", String::concat);
    }

    private boolean recorded(long version, String name) {
        int offset = (int) ((version - 1) * HASH_BYTES);
        byte[] hash = hash(name);
        return offset + HASH_BYTES <= names.length && Arrays.equals(names, offset, offset + HASH_BYTES, hash, 0, HASH_BYTES)
            && !Arrays.equals(hash, UNKNOWN);
    }

    /** Same names at the same versions, the same departures and claims. */
    @Override
    public boolean equals(Object other) {
        return other instanceof NameLedger ledger && Arrays.equals(names, ledger.names) && departures.equals(ledger.departures)
            && claims.equals(ledger.claims);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(names) + departures.hashCode()) + claims.hashCode();
    }

    static byte[] hash(String name) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)), HASH_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

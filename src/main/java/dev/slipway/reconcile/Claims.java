package dev.slipway.reconcile;

import dev.slipway.model.Release;
import dev.slipway.release.Claim;
import dev.slipway.release.NameLedger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;

/**
 * The versions one App pass gives out, in creation order, and the requests it decides. Every version is claimed in
 * the App's ledger before anything uses it (a label, a status, a release made under the name {@code <app>-v<N>}): the
 * executor stores {@link #toStore()} first, conditionally on the ledger the pass read, so a replica deciding on a stale
 * view (a paused leader resuming after another took over) gets 409 there and decides again, and two replicas never
 * give one version twice. A claim also outlives a crash or a lost response: the next pass gives the same release the
 * same version, and makes a requested release under the same name, which the API server then refuses to create twice.
 * Planning only: this class writes nothing.
 */
final class Claims {
    private final NameLedger read;
    private final long committedUpTo;
    private final List<Claim> added = new ArrayList<>();
    private final Map<String, Long> versions = new HashMap<>();
    private long latest;

    /**
     * @param read          the ledger as the pass read it
     * @param highWater     the highest version given out so far, committed or claimed
     * @param committedUpTo the highest version known to be committed on a release
     */
    Claims(NameLedger read, long highWater, long committedUpTo) {
        this.read = read;
        this.latest = highWater;
        this.committedUpTo = committedUpTo;
    }

    /** Gives a release waiting for a version the one the ledger gave it before, else the next one. */
    void assign(Release release) {
        OptionalLong given = read.versionGiven(release);
        long version = given.isPresent() ? given.getAsLong() : ++latest;
        if (given.isEmpty()) {
            added.add(new Claim(version, release.getMetadata().getName(), Claim.ofUid(release.getMetadata().getUid())));
        }
        versions.put(release.getMetadata().getName(), version);
        latest = Math.max(latest, version);
    }

    /** The release to make for the request {@code annotation=value}: under the name and version claimed for it before, else the next. */
    Release forRequest(String annotation, String value, LongFunction<Release> desired) {
        String key = Claim.ofRequest(annotation, value);
        // A committed claim is history: the same config digest asked for again (a revert) is a new request.
        Optional<Claim> before = read.claimFor(key).filter(c -> c.refused() || c.version() > committedUpTo);
        if (before.isPresent() && before.get().refused()) {
            throw new IllegalStateException("the request " + key + " was refused; no release is made for it");
        }
        long version = before.map(Claim::version).orElse(latest + 1);
        Release release = desired.apply(version);
        if (before.isPresent()) {
            release.getMetadata().setName(before.get().name());
        } else {
            added.add(new Claim(version, release.getMetadata().getName(), key));
        }
        versions.put(release.getMetadata().getName(), version);
        latest = Math.max(latest, version);
        return release;
    }

    /**
     * Claims that the request {@code annotation=value} runs {@code release} as it is (a staged release promoted). No
     * version is given out, but the claim is stored before the release is marked, like one, which fences the
     * decision: no replica refuses the request, or makes a release for it, meanwhile.
     */
    void inPlace(String annotation, String value, Release release) {
        String key = Claim.ofRequest(annotation, value);
        Optional<Claim> before = read.claimFor(key);
        if (before.isPresent() && before.get().refused()) {
            throw new IllegalStateException("the request " + key + " was refused; no release is made for it");
        }
        if (before.filter(c -> c.name().equals(release.getMetadata().getName())).isEmpty()) {
            added.add(new Claim(release.getStatus().getVersion(), release.getMetadata().getName(), key));
        }
    }

    /** What was decided for the request {@code annotation=value}: a version claimed for its release, or its refusal. */
    Optional<Claim> decided(String annotation, String value) {
        return read.claimFor(Claim.ofRequest(annotation, value));
    }

    /**
     * Claims the refusal of a request, so that no replica makes a release for it; false when one already claimed a
     * release for it (the release is being made: decide again once it is seen).
     */
    boolean refuse(String annotation, String value) {
        Optional<Claim> before = decided(annotation, value);
        if (before.isPresent()) {
            return before.get().refused();
        }
        added.add(Claim.refusal(Claim.ofRequest(annotation, value)));
        return true;
    }

    /** The version given to a release of this pass. */
    long versionOf(Release release) {
        Long version = versions.get(release.getMetadata().getName());
        if (version == null) {
            throw new IllegalStateException("no version was claimed for " + release.getMetadata().getName());
        }
        return version;
    }

    /** The ledger with this pass's claims, to be stored before any of them is used; empty when none is new. */
    Optional<NameLedger> toStore() {
        return added.isEmpty() ? Optional.empty() : Optional.of(read.claimed(added, committedUpTo));
    }

    /**
     * {@code stored} with the release claimed for the request {@code annotation=value} renamed to {@code name}, keeping
     * its version: what is stored before a release is created under that name.
     */
    static NameLedger renamed(NameLedger stored, String annotation, String value, String name, long committedUpTo) {
        Claim claim = stored.claimFor(Claim.ofRequest(annotation, value)).orElseThrow();
        return stored.claimed(List.of(new Claim(claim.version(), name, claim.key())), committedUpTo);
    }
}

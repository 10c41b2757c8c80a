package dev.slipway.model;

/**
 * One instance for equal strings read into the operator's caches. Most text of a cached release repeats across the
 * App's releases and across Apps (condition types, reasons and messages, phases, namespace, owner reference, image,
 * config values, process templates); read as is, each copy is a String of its own that lives as long as the cache.
 * The API server lists an App's releases one after another, so the repeats of one App meet while its text is held.
 * Measured at 1,200 Apps (docs/benchmarks.md, restart): less heap for the cache and 0.93× the restart time.
 * <p>
 * Bounded and lossy rather than an intern pool: one slot per hash bucket, a newcomer takes the slot of the string it
 * collides with. A value that never repeats (a timestamp, a uid) costs one slot write and is dropped with its
 * object; nothing here grows with the cache. A slot keeps its string until another takes it, also after its object
 * dropped it, so only text up to {@link #MAX_LENGTH} characters is shared: the table then holds at most a few MiB,
 * and never a last-applied-configuration annotation that the cache trims away ({@code LeanCache}). No lock: a
 * String is immutable and safely published, so a read racing a write sees one of the two strings, either of which
 * is right.
 */
final class SharedStrings {
    /** 16,384 slots (64-128 KiB of references): room for the distinct values of a few thousand Apps. */
    static final SharedStrings CACHED = new SharedStrings(14);
    /** Condition messages, images and most config values are shorter; what is longer rarely repeats. */
    static final int MAX_LENGTH = 512;

    private final String[] slots;
    private final int mask;

    SharedStrings(int bits) {
        slots = new String[1 << bits];
        mask = slots.length - 1;
    }

    /** The instance held for a string equal to {@code value}, or {@code value} itself, which then takes its slot. */
    String share(String value) {
        if (value == null || value.length() > MAX_LENGTH) {
            return value;
        }
        int hash = value.hashCode();
        int slot = (hash ^ (hash >>> 16)) & mask;
        String held = slots[slot];
        if (value.equals(held)) {
            return held;
        }
        slots[slot] = value;
        return value;
    }
}

package dev.slipway.status;

/**
 * The three kstatus conditions of one object as a single value: Ready, Reconciling and Stalled are
 * never set independently, so one of four shapes describes every status this operator writes.
 */
public record Health(Shape shape, String reason, String message) {

    public enum Shape {
        /** Work done: Ready=True. */
        READY,
        /** Work in flight: Reconciling=True. */
        IN_PROGRESS,
        /** Cannot progress without a person: Stalled=True. */
        STALLED,
        /** Nothing to do and not ready, e.g. a release that waits for a pin: all three False. */
        IDLE
    }

    public static Health ready(String reason, String message) {
        return new Health(Shape.READY, reason, message);
    }

    public static Health inProgress(String reason, String message) {
        return new Health(Shape.IN_PROGRESS, reason, message);
    }

    public static Health stalled(String reason, String message) {
        return new Health(Shape.STALLED, reason, message);
    }

    public static Health idle(String reason, String message) {
        return new Health(Shape.IDLE, reason, message);
    }
}

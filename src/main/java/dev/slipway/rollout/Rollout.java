package dev.slipway.rollout;

/** Where the rollout of a release stands, across all processes of the App. */
public record Rollout(State state, String message) {

    public enum State {
        PROGRESSING, COMPLETE, FAILED
    }

    public static Rollout progressing(String message) {
        return new Rollout(State.PROGRESSING, message);
    }

    public static Rollout complete(String message) {
        return new Rollout(State.COMPLETE, message);
    }

    public static Rollout failed(String message) {
        return new Rollout(State.FAILED, message);
    }

    public boolean isComplete() {
        return state == State.COMPLETE;
    }

    public boolean isFailed() {
        return state == State.FAILED;
    }
}

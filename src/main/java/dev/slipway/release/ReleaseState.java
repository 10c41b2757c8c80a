package dev.slipway.release;

import dev.slipway.model.ReleasePhase;
import dev.slipway.status.Health;

/** The status a release should have, before conditions are rendered. */
public record ReleaseState(ReleasePhase phase, String message, Health health, String deployedAt, String supersededAt) {
}

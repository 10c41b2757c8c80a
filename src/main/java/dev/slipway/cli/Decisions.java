package dev.slipway.cli;

import dev.slipway.model.OneShot;
import dev.slipway.model.RequestPhase;
import java.time.Duration;
import java.util.Optional;

/** Waits for the operator to decide a one-shot request the plugin created (Rollback, Promotion): carried out, or refused. */
final class Decisions {
    private Decisions() {
    }

    /**
     * The request once Succeeded with its release named; a refusal ends the command with the operator's message.
     *
     * @param noun how the request is named in messages: "rollback", "promotion"
     */
    static <R extends OneShot<?>> R await(Session session, Class<R> kind, String noun, String app, String name, Duration timeout) {
        R decided = Poll.until(timeout, () -> decided(session, kind, noun, name),
            () -> "for the operator to take up " + noun + " " + name + "; is the Slipway operator running?");
        if (decided.phase() == RequestPhase.Failed) {
            throw new CliException(Exit.FAILED, noun + " refused: " + Refusals.inPluginTerms(decided.getStatus().getMessage(), app));
        }
        return decided;
    }

    private static <R extends OneShot<?>> Optional<R> decided(Session session, Class<R> kind, String noun, String name) {
        R request = session.client().resources(kind).inNamespace(session.namespace()).withName(name).get();
        if (request == null) {
            throw new CliException(Exit.FAILED, noun + " " + name + " was deleted before the operator took it up");
        }
        boolean done = request.phase() == RequestPhase.Failed
            || (request.phase() == RequestPhase.Succeeded && request.getStatus().getRelease() != null);
        return done ? Optional.of(request) : Optional.empty();
    }
}

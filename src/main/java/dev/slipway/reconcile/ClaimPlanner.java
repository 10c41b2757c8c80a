package dev.slipway.reconcile;

import dev.slipway.model.App;
import dev.slipway.model.OneShot;
import dev.slipway.model.Promotion;
import dev.slipway.model.Release;
import dev.slipway.model.ReleaseRef;
import dev.slipway.model.Rollback;
import dev.slipway.release.NameLedger;
import dev.slipway.release.Releases;
import dev.slipway.release.Selection;
import dev.slipway.release.TargetSelection;
import dev.slipway.status.Health;
import dev.slipway.validation.AppValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plans the first phase of an App pass ({@link ClaimPlan}) from what the caches hold. Writes nothing. */
final class ClaimPlanner {
    private ClaimPlanner() {
    }

    /**
     * Why nothing can be decided for the App: it cannot be read, or a release of its history cannot. Leaving such a
     * release out would silently change which release runs (an unreadable newest release would roll the App back to
     * the one before it), so nothing is decided until it is corrected.
     */
    static Optional<Health> undecidable(AppView view) {
        if (!view.app().isReadable()) {
            return Optional.of(Health.stalled(UnreadableObjects.REASON, UnreadableObjects.message(view.app())));
        }
        return view.releases().stream().filter(r -> !r.isReadable() && UnreadableObjects.mayBeNumbered(r)).findFirst()
            .map(r -> Health.stalled(UnreadableObjects.REASON, UnreadableObjects.messageForApp(r)));
    }

    /**
     * Whether this pass decides on a request (Rollback, Promotion), which is decided on the App as stored: the cache can
     * lag behind a change made just before the request was created (a pin set, then a Rollback applied: seen in a busy
     * test run, which rolled back an App already pinned), and the decision must see what the user saw. One read per
     * request.
     */
    static boolean decidesRequest(AppView view) {
        return view.oldestRequest().filter(r -> !made(r, view.releases())).isPresent()
            && undecidable(view).isEmpty() && AppValidator.problems(view.app()).isEmpty();
    }

    private static boolean made(OneShot<?> request, List<Release> releases) {
        return request instanceof Promotion promotion ? PromotionRequests.madeFor(promotion, releases).isPresent()
            : RollbackRequests.madeFor((Rollback) request, releases).isPresent();
    }

    static ClaimPlan plan(AppView view) {
        return plan(view, EnvView.NONE);
    }

    /** @param env the App's snapshotted env sources ({@link EnvRotations}) */
    static ClaimPlan plan(AppView view, EnvView env) {
        App app = view.app();
        NameLedger ledger = view.ledger().ledger();
        List<Release> all = view.releases().stream().filter(Release::isReadable).toList();
        List<Release> numbered = all.stream().filter(Releases::isNumbered).sorted(Releases.BY_VERSION).toList();
        List<Release> waiting = all.stream().filter(r -> !Releases.isNumbered(r)).sorted(Releases.CREATION_ORDER).toList();
        ReusedNames reusedNames = new ReusedNames(view.conditions());
        List<ReleaseStatusChange> refusals = new ArrayList<>();
        List<Release> unnumbered = new ArrayList<>();
        for (Release release : waiting) {
            if (ReusedNames.reused(ledger, release)) {
                reusedNames.refusal(app, ledger, release).ifPresent(refusals::add);
            } else {
                unnumbered.add(release);
            }
        }
        long committed = Numbering.highestCommitted(app, numbered, view.committed());
        Claims claims = new Claims(ledger, Math.max(committed, ledger.highest()), committed);
        Map<String, Long> versions = new LinkedHashMap<>();
        for (Release release : unnumbered) {
            claims.assign(release);
            versions.put(release.getMetadata().getName(), claims.versionOf(release));
        }
        ReleaseRef active = app.getStatus() == null ? null : app.getStatus().getActiveRelease();
        Map<String, String> invalid = InvalidReleases.of(numbered);
        Selection running = TargetSelection.select(app, numbered, invalid.keySet(), active);
        History history = new History(all, numbered, List.copyOf(unnumbered), invalid, active, running);
        List<String> problems = AppValidator.problems(app);
        SpecDigests digests = new SpecDigests(app);
        RequestDecision requests = ReleaseRequests.decide(view, history, claims, problems,
            new RollbackRequests(view.conditions()), new PromotionRequests(view.conditions(), view.timestamp()), env, digests);
        return new ClaimPlan(view, history, refusals, committed, versions, claims.toStore(), problems, requests, digests);
    }
}

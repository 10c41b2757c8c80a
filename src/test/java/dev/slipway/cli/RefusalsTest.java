package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.App;
import dev.slipway.model.AppStatus;
import dev.slipway.model.Release;
import dev.slipway.model.ReleasePhase;
import dev.slipway.model.ReleaseRef;
import dev.slipway.model.ReleaseStatus;
import dev.slipway.release.PromotionDecision;
import dev.slipway.release.RollbackDecision;
import dev.slipway.testing.Manifests;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every refusal the operator's decisions can give, as the plugin shows it: in plugin terms (flags and kubectl slipway
 * commands), never a spec field or a raw kubectl command. The messages come from the operator's own functions, so a
 * new wording there that the plugin does not translate fails here.
 */
class RefusalsTest {
    private static final ReleaseRef ACTIVE = new ReleaseRef("shop-b", 2L);

    @Test
    void rollbackRefusalsSpeakPluginTerms() {
        List<Release> numbered = List.of(release("shop-a", 1, ReleasePhase.Failed), release("shop-b", 2, ReleasePhase.Active));
        List<String> refusals = Stream.of(
                RollbackDecision.decide(app(null), Manifests.rollback("r", "shop", "v1"), numbered, Map.of(), ACTIVE),
                RollbackDecision.decide(app(null), Manifests.rollback("r", "shop", "v9"), numbered, Map.of(), ACTIVE),
                RollbackDecision.decide(app("v1"), Manifests.rollback("r", "shop", "v1"), numbered, Map.of(), ACTIVE))
            .map(RollbackDecision::refusal).map(text -> Refusals.inPluginTerms(text, "shop")).toList();

        assertThat(refusals).containsExactly(
            "v1 failed (it broke); add --force to roll back to it anyway",
            "App shop has no release v9; kubectl slipway releases -a shop lists them",
            "App shop is pinned to v1; move the pin with kubectl slipway pin vN -a shop, or remove it with kubectl slipway unpin -a shop");
    }

    @Test
    void promotionRefusalsSpeakPluginTerms() {
        Release failed = release("shop-a", 1, ReleasePhase.Failed);
        List<Release> numbered = List.of(failed, release("shop-b", 2, ReleasePhase.Active));
        List<String> refusals = Stream.of(
                PromotionDecision.decide(app(null), Manifests.promotion("p", "shop", "v1"), numbered, Map.of(), numbered.get(1), ACTIVE),
                PromotionDecision.decide(app(null), Manifests.promotion("p", "shop", "v9"), numbered, Map.of(), numbered.get(1), ACTIVE),
                PromotionDecision.decide(app("v2"), Manifests.promotion("p", "shop", "v1"), numbered, Map.of(), numbered.get(1), ACTIVE))
            .map(PromotionDecision::refusal).map(text -> Refusals.inPluginTerms(text, "shop")).toList();

        assertThat(refusals).hasSize(3).allSatisfy(text -> assertThat(text).doesNotContain("spec.", "kubectl get"));
        assertThat(refusals.get(0)).isEqualTo("v1 failed (it broke); add --force to promote it anyway");
    }

    @Test
    void statusMessagesAboutPinsAndRollbacksSpeakPluginTerms() {
        assertThat(Refusals.inPluginTerms("App is pinned to v3 by spec.release; change the pin to run this release", "shop"))
            .isEqualTo("App shop is pinned to v3; move the pin with kubectl slipway pin vN -a shop, or remove it with kubectl slipway unpin -a shop");
        assertThat(Refusals.inPluginTerms("spec.rollout.autoRollback is off: deploy a fix or create a Rollback", "shop"))
            .endsWith("deploy a fix or roll back with kubectl slipway rollback -a shop");
        assertThat(Refusals.inPluginTerms("v4 failed; the App is pinned to it by spec.release, so it is not rolled back automatically: "
            + "change the pin", "shop")).doesNotContain("spec.").contains("kubectl slipway unpin -a shop");
    }

    private static App app(String pin) {
        App app = Manifests.webAndWorker("shop", Map.of());
        app.getSpec().setRelease(pin);
        AppStatus status = new AppStatus();
        status.setActiveRelease(ACTIVE);
        app.setStatus(status);
        return app;
    }

    private static Release release(String name, long version, ReleasePhase phase) {
        Release release = Manifests.release(name, "shop", "registry.example/shop/web:" + version);
        ReleaseStatus status = new ReleaseStatus();
        status.setVersion(version);
        status.setPhase(phase);
        status.setMessage(phase == ReleasePhase.Failed ? "it broke" : "running");
        release.setStatus(status);
        return release;
    }
}

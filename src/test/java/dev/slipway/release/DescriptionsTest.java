package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.ReleaseSource;
import dev.slipway.model.ReleaseSpec;
import org.junit.jupiter.api.Test;

class DescriptionsTest {

    private static ReleaseSpec spec(String image, String commit) {
        ReleaseSpec spec = new ReleaseSpec();
        spec.setImage(image);
        if (commit != null) {
            ReleaseSource source = new ReleaseSource();
            source.setCommit(commit);
            spec.setSource(source);
        }
        return spec;
    }

    @Test
    void commitIsShortenedToEightCharacters() {
        assertThat(Descriptions.deploy(spec("web:1.0", "6d58b1ce8a0f4e2b"))).isEqualTo("Deploy 6d58b1ce");
    }

    @Test
    void shortCommitIsUsedWhole() {
        assertThat(Descriptions.deploy(spec("web:1.0", "abc12"))).isEqualTo("Deploy abc12");
    }

    @Test
    void blankCommitFallsBackToTheImageTag() {
        assertThat(Descriptions.deploy(spec("web:1.0", "  "))).isEqualTo("Deploy 1.0");
    }

    @Test
    void withoutSourceTheImageTagIsUsed() {
        assertThat(Descriptions.deploy(spec("registry.example/shop/web:1.4.2", null))).isEqualTo("Deploy 1.4.2");
    }

    @Test
    void withoutTagAShortDigestIsUsed() {
        assertThat(Descriptions.deploy(spec("web@sha256:" + ImageReferenceTest.HEX, null)))
            .isEqualTo("Deploy sha256:6d58b1ce8a0f");
    }

    @Test
    void withoutTagOrDigestItSaysLatest() {
        assertThat(Descriptions.deploy(spec("nginx", null))).isEqualTo("Deploy latest");
    }

    @Test
    void invalidImageIsQuotedAsWritten() {
        assertThat(Descriptions.deploy(spec("Not Valid", null))).isEqualTo("Deploy Not Valid");
    }
}

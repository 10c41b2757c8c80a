package dev.slipway.release;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {
    static final String HEX = "6d58b1ce8a0f4e2b9c3d7a1e5f60718293a4b5c6d7e8f90123456789abcdef01";

    @ParameterizedTest
    @ValueSource(strings = {"nginx", "registry.example:5000/shop/web:1.0", "repo@sha256:" + HEX,
        "a/b:tag@sha256:" + HEX, "localhost/shop/web", "[::1]:5000/web:2"})
    void acceptsValidReferences(String reference) {
        assertThat(ImageReference.parse(reference)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Shop/Web", "NGINX", "nginx latest", " nginx", "nginx::1", "nginx:", "repo@sha256:short", ""})
    void rejectsInvalidReferences(String reference) {
        assertThat(ImageReference.parse(reference)).isEmpty();
    }

    @Test
    void rejectsNull() {
        assertThat(ImageReference.parse(null)).isEmpty();
    }

    @Test
    void rejectsReferencesLongerThan1024Characters() {
        assertThat(ImageReference.parse("a".repeat(1025))).isEmpty();
    }

    @Test
    void splitsRegistryPathTagAndDigest() {
        assertThat(ImageReference.parse("registry.example:5000/shop/web:1.0@sha256:" + HEX)).contains(
            new ImageReference("registry.example:5000/shop/web", "1.0", "sha256:" + HEX));
    }

    @Test
    void shortLabelIsTheTag() {
        assertThat(ImageReference.parse("a/b:tag@sha256:" + HEX).orElseThrow().shortLabel()).isEqualTo("tag");
    }

    @Test
    void shortLabelIsTwelveDigitsOfTheDigestWithoutTag() {
        assertThat(ImageReference.parse("repo@sha256:" + HEX).orElseThrow().shortLabel()).isEqualTo("sha256:6d58b1ce8a0f");
    }

    @Test
    void shortLabelIsLatestWithoutTagOrDigest() {
        assertThat(ImageReference.parse("nginx").orElseThrow().shortLabel()).isEqualTo("latest");
    }
}

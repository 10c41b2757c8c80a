package dev.slipway.release;

import static dev.slipway.release.TargetSelectionTest.release;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.model.Release;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionRefTest {
    private static final List<Release> RELEASES = List.of(release("myapp-v1", 1), release("myapp-12", 2));

    @Test
    void vPrefixedNumberIsAVersion() {
        assertThat(VersionRef.parse("v12")).isEqualTo(new VersionRef(12L, null));
    }

    @Test
    void bareNumberIsAVersion() {
        assertThat(VersionRef.parse("12")).isEqualTo(new VersionRef(12L, null));
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertThat(VersionRef.parse(" v3 ")).isEqualTo(new VersionRef(3L, null));
    }

    @Test
    void anythingElseIsAName() {
        assertThat(VersionRef.parse("myapp-v3")).isEqualTo(new VersionRef(null, "myapp-v3"));
    }

    @Test
    void numberTooLongForALongIsAName() {
        assertThat(VersionRef.parse("1234567890123456789").version()).isNull();
    }

    @Test
    void rendersVersionsWithV() {
        assertThat(VersionRef.parse("7")).hasToString("v7");
    }

    @Test
    void rendersNamesAsTheyAre() {
        assertThat(VersionRef.parse("myapp-v3")).hasToString("myapp-v3");
    }

    @Test
    void versionFindsByStatusVersionNotByName() {
        assertThat(VersionRef.parse("v2").find(RELEASES)).get()
            .extracting(r -> r.getMetadata().getName()).isEqualTo("myapp-12");
    }

    @Test
    void nameFindsByObjectName() {
        assertThat(VersionRef.parse("myapp-v1").find(RELEASES)).get()
            .extracting(r -> r.getStatus().getVersion()).isEqualTo(1L);
    }

    @Test
    void unknownReferenceFindsNothing() {
        assertThat(VersionRef.parse("v9").find(RELEASES)).isEmpty();
    }
}

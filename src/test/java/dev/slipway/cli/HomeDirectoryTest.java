package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** $HOME decides where ~/.kube/config is, as for kubectl, even when that directory does not exist (yet). */
class HomeDirectoryTest {
    private String userHome;

    @BeforeEach
    void remember() {
        userHome = System.getProperty("user.home");
    }

    @AfterEach
    void restore() {
        System.setProperty("user.home", userHome);
    }

    @Test
    void aHomeThatDoesNotExistIsStillWhereTheKubeconfigIsLookedFor() {
        HomeDirectory.followEnvironment(name -> name.equals("HOME") ? "/nonexistent/elsewhere" : null);

        // Fabric8 falls back to user.home when $HOME is not a directory; the launcher test runs the plugin with such a HOME.
        assertThat(System.getProperty("user.home")).isEqualTo("/nonexistent/elsewhere");
    }

    @Test
    void withoutHomeTheAccountsHomeStays() {
        HomeDirectory.followEnvironment(name -> null);

        assertThat(System.getProperty("user.home")).isEqualTo(userHome);
    }
}

package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.testing.Cluster;
import dev.slipway.testing.Kubeconfig;
import dev.slipway.testing.Manifests;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Real API servers speak HTTPS only: the plugin trusts the kubeconfig's certificate authority, or skips the check
 * when the kubeconfig says so, and says clearly when it does not trust the server.
 */
class TlsTest extends CliScenario {

    @Override
    protected Cluster newCluster() {
        return Cluster.overTls();
    }

    @Test
    void talksToTheServerItsKubeconfigCertificateAuthorityVouchesFor() {
        assertThat(cluster.api.url()).startsWith("https://localhost:");
        shopWithTwoReleases();
        kubeconfig = Kubeconfig.writeTls(dir.resolve("tls"), cluster.api.url(), cluster.api.certificateAuthority(),
            USER, Manifests.NAMESPACE);

        Run releases = slipway("releases", "-a", "shop");

        assertThat(releases.exit()).as(releases.err()).isZero();
        assertThat(releases.out()).contains("v2 ").contains("v1 ");
    }

    @Test
    void skipsTheCheckOnlyWhenTheKubeconfigSaysSo() throws IOException {
        shopWithTwoReleases();
        String insecure = Files.readString(kubeconfig).replace("server: ", "insecure-skip-tls-verify: true\n    server: ");
        Files.writeString(kubeconfig, insecure);

        Run releases = slipway("releases", "-a", "shop");

        assertThat(releases.exit()).as(releases.err()).isZero();
        assertThat(releases.out()).contains("v2 ");
    }

    @Test
    void refusesAServerItDoesNotTrustAndSaysWhy() {
        shopWithTwoReleases();

        Run releases = slipway("releases", "-a", "shop");

        assertThat(releases.exit()).isEqualTo(Exit.ERROR.code);
        assertThat(releases.err()).isEqualTo("error: TLS handshake with " + cluster.api.url() + " failed (unable to find "
            + "valid certification path to requested target); check that the certificate-authority of your kubeconfig "
            + "context is the one that signed the API server's certificate, and that the server address is the one in "
            + "that certificate\n");
    }
}

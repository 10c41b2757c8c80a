package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin reads kubeconfig files itself, for speed, and must end up with exactly the client configuration
 * Fabric8 builds from the same files: each case compares the two, field by field, and checks which path was taken,
 * so that a case cannot pass only because the reader declined it and Fabric8 did the work on both sides.
 */
class ClusterConfigTest {
    /** Where Fabric8 (and so the plugin) looks for kubeconfig files before $KUBECONFIG. */
    private static final String KUBECONFIG_PROPERTY = "kubeconfig";
    private static final String RSA_KEY = "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n";
    private static final String EC_KEY = "-----BEGIN EC PRIVATE KEY-----\nMHcC\n-----END EC PRIVATE KEY-----\n";

    @TempDir
    Path dir;

    @AfterEach
    void forgetKubeconfig() {
        System.clearProperty(KUBECONFIG_PROPERTY);
    }

    @Test
    void aTokenUserWithTheClustersCertificateAuthorityAndANamespace() throws IOException {
        Path file = write("config", """
            apiVersion: v1
            kind: Config
            preferences: {}
            clusters:
            - name: prod
              cluster:
                server: https://prod.example.com:6443
                certificate-authority-data: %s
                tls-server-name: prod.example.com
            users:
            - name: alice
              user:
                token: s3cr3t-token
            contexts:
            - name: prod
              context: {cluster: prod, user: alice, namespace: shop}
            current-context: prod
            """.formatted(base64("ca")));

        Config config = sameAsFabric8(file, null, true);
        assertThat(config.getMasterUrl()).isEqualTo("https://prod.example.com:6443/");
        assertThat(config.getAutoOAuthToken()).isEqualTo("s3cr3t-token");
        assertThat(config.getNamespace()).isEqualTo("shop");
    }

    @Test
    void clientCertificateFilesRelativeToTheKubeconfig() throws IOException {
        write("certs/ca.crt", "ca");
        write("certs/client.crt", "cert");
        write("certs/client.key", EC_KEY);
        Path file = write("kube/config", """
            clusters:
            - name: kind
              cluster:
                server: https://127.0.0.1:40000
                certificate-authority: ../certs/ca.crt
            users:
            - name: kind-admin
              user:
                client-certificate: ../certs/client.crt
                client-key: ../certs/client.key
            contexts:
            - name: kind
              context: {cluster: kind, user: kind-admin}
            current-context: kind
            """);

        Config config = sameAsFabric8(file, null, true);
        assertThat(config.getCaCertFile()).isEqualTo(dir.resolve("kube/../certs/ca.crt").toAbsolutePath().toString());
        assertThat(config.getClientKeyAlgo()).isEqualTo("EC");
    }

    @Test
    void clientCertificateDataBasicAuthAndAnInsecureCluster() throws IOException {
        Path file = write("config", """
            clusters:
            - name: lab
              cluster: {server: "https://lab:6443", insecure-skip-tls-verify: true, proxy-url: "http://proxy:3128"}
            users:
            - name: cert
              user: {client-certificate-data: %s, client-key-data: %s}
            - name: basic
              user: {username: admin, password: hunter2}
            contexts:
            - name: cert
              context: {cluster: lab, user: cert}
            - name: basic
              context: {cluster: lab, user: basic, namespace: ops}
            current-context: cert
            """.formatted(base64("cert"), base64(RSA_KEY)));

        assertThat(sameAsFabric8(file, null, true).getClientKeyAlgo()).isEqualTo("RSA");
        Config basic = sameAsFabric8(file, "basic", true);
        assertThat(basic.getUsername()).isEqualTo("admin");
        assertThat(basic.isTrustCerts()).isTrue();
        assertThat(basic.getHttpsProxy()).isNull();
        assertThat(basic.getHttpProxy()).isEqualTo("http://proxy:3128");
    }

    @Test
    void anOidcAuthProviderAndAnExecPlugin() throws IOException {
        Path plugin = write("bin/credentials", """
            #!/bin/sh
            echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"from-'$1'"}}'
            """);
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = write("config", """
            clusters:
            - name: c
              cluster: {server: "https://c:6443"}
            users:
            - name: oidc
              user:
                auth-provider:
                  name: oidc
                  config: {id-token: the-id-token, client-id: slipway}
            - name: exec
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: ./bin/credentials
                  args: [plugin]
                  env: [{name: REGION, value: eu}]
                  interactiveMode: Never
            contexts:
            - name: oidc
              context: {cluster: c, user: oidc}
            - name: exec
              context: {cluster: c, user: exec}
            current-context: oidc
            """);

        assertThat(sameAsFabric8(file, null, true).getAutoOAuthToken()).isEqualTo("the-id-token");
        assertThat(sameAsFabric8(file, "exec", true).getAutoOAuthToken()).isEqualTo("from-plugin");
    }

    @Test
    void severalFilesInKubeconfigMergeTheFirstWins() throws IOException {
        Path first = write("first", """
            clusters:
            - name: shared
              cluster: {server: "https://first:6443"}
            users:
            - name: u
              user: {token: first-token}
            contexts:
            - name: dev
              context: {cluster: shared, user: u, namespace: first}
            """);
        Path second = write("second", """
            clusters:
            - name: shared
              cluster: {server: "https://second:6443"}
            contexts:
            - name: dev
              context: {cluster: shared, user: u, namespace: second}
            - name: staging
              context: {cluster: shared, user: u, namespace: staging}
            current-context: staging
            """);
        Path empty = write("empty", "");
        System.setProperty(KUBECONFIG_PROPERTY, first + File.pathSeparator + empty + File.pathSeparator + second
            + File.pathSeparator + dir.resolve("missing"));

        Config staging = sameAsFabric8(null, null, true);
        assertThat(staging.getMasterUrl()).isEqualTo("https://first:6443/");
        assertThat(staging.getNamespace()).isEqualTo("staging");
        assertThat(sameAsFabric8(null, "dev", true).getNamespace()).isEqualTo("first");
    }

    @Test
    void whatTheReaderDeclinesFabric8ReadsTheSameWay() throws IOException {
        Path numeric = write("numeric", """
            clusters:
            - name: c
              cluster: {server: "https://c:6443"}
            users:
            - name: u
              user: {token: 12345}
            contexts:
            - name: c
              context: {cluster: c, user: u}
            current-context: c
            """);
        assertThat(sameAsFabric8(numeric, null, false).getAutoOAuthToken()).isEqualTo("12345");

    }

    @Test
    void noKubeconfigAtAllIsAUsageErrorThatSaysWhereItLooked() {
        String missing = dir.resolve("nowhere").toString();
        System.setProperty(KUBECONFIG_PROPERTY, missing);

        assertThatThrownBy(() -> ClusterConfig.load(null, null, name -> null)).isInstanceOfSatisfying(CliException.class,
            e -> assertThat(e.exit).isEqualTo(Exit.USAGE))
            .hasMessage("no kubeconfig at " + missing + "; set KUBECONFIG or give --kubeconfig FILE");
    }

    @Test
    void blankEntriesInKubeconfigAreNotNamed() {
        String missing = dir.resolve("nowhere").toString();
        System.setProperty(KUBECONFIG_PROPERTY, missing + File.pathSeparator + File.pathSeparator + missing + "2");

        assertThatThrownBy(() -> ClusterConfig.load(null, null, name -> null))
            .hasMessage("no kubeconfig at " + missing + ", " + missing + "2; set KUBECONFIG or give --kubeconfig FILE");
    }

    @Test
    void inAPodWithoutAKubeconfigFabric8UsesTheServiceAccount() {
        System.setProperty(KUBECONFIG_PROPERTY, dir.resolve("nowhere").toString());

        Config inPod = ClusterConfig.load(null, null, name -> name.equals("KUBERNETES_SERVICE_HOST") ? "10.0.0.1" : null);

        assertThat(inPod.getCurrentContext()).isNull();
        assertThat(inPod.getMasterUrl()).isEqualTo(Config.autoConfigure(null).getMasterUrl());
    }

    @Test
    void aFileThatIsNotYamlIsNamedWithWhereItBreaks() throws IOException {
        Path broken = write("broken", "clusters: [unclosed\n");
        assertThat(KubeconfigReader.read(broken.toFile(), Files.readString(broken))).isEmpty();
        System.setProperty(KUBECONFIG_PROPERTY, broken.toString());
        // Fabric8 says only "expected ',' or ']', but got <stream end>": not which file, nor where.
        String expected = "cannot parse kubeconfig " + broken + ": expected ',' or ']', but got <stream end> at line 2, column 1"
            + " (while parsing a flow sequence); fix the file, or point --kubeconfig or KUBECONFIG at another";

        assertThatThrownBy(() -> ClusterConfig.load(null, null)).isInstanceOf(CliException.class).hasMessage(expected);
        assertThatThrownBy(() -> ClusterConfig.load(null, broken)).isInstanceOf(CliException.class).hasMessage(expected);
    }

    @Test
    void anUnknownContextIsAUsageError() throws IOException {
        Path file = write("config", """
            contexts:
            - name: dev
              context: {cluster: c, user: u}
            """);
        assertThatThrownBy(() -> ClusterConfig.load("prod", file)).isInstanceOfSatisfying(CliException.class,
            e -> assertThat(e.exit).isEqualTo(Exit.USAGE))
            .hasMessage("context \"prod\" is not in the kubeconfig; kubectl config get-contexts lists them");
    }

    /**
     * The reader writes the file of each entry under keys Fabric8 does not publish. If an upgrade renamed them,
     * Fabric8's public getters would find no file, and the plugin must then let Fabric8 parse the files.
     */
    @Test
    void withoutTheFilesFabric8FindsTheReaderIsNotTrusted() throws IOException {
        write("certs/ca.crt", "ca");
        Path file = write("kube/config", """
            clusters:
            - name: kind
              cluster: {server: "https://127.0.0.1:40000", certificate-authority: ../certs/ca.crt}
            users:
            - name: kind-admin
              user: {token: t}
            contexts:
            - name: kind
              context: {cluster: kind, user: kind-admin}
            current-context: kind
            """);
        var read = KubeconfigReader.read(file.toFile(), Files.readString(file)).orElseThrow();
        assertThat(ClusterConfig.filesFound(merge(null, read), List.of(read))).isTrue();

        read.getContexts().forEach(c -> c.getAdditionalProperties().clear());
        read.getClusters().forEach(c -> c.getAdditionalProperties().clear());
        read.getUsers().forEach(u -> u.getAdditionalProperties().clear());

        assertThat(ClusterConfig.filesFound(merge(null, read), List.of(read))).isFalse();
    }

    /**
     * Loads the configuration both ways and compares everything the client uses; {@code fast} says whether the
     * plugin's reader must have read every file itself. With no file, the files come from $KUBECONFIG (here: the
     * system property that stands in for it), and the environment applies on top, as in Config.autoConfigure.
     */
    private static Config sameAsFabric8(Path file, String context, boolean fast) throws IOException {
        List<Path> files = file != null ? List.of(file) : existingFiles();
        for (Path each : files) {
            String text = Files.readString(each);
            assertThat(text.isEmpty() || KubeconfigReader.read(each.toFile(), text).isPresent())
                .as("the plugin reads %s itself", each).isEqualTo(fast);
        }
        if (fast && file != null) {
            var read = KubeconfigReader.read(file.toFile(), Files.readString(file)).orElseThrow();
            assertThat(ClusterConfig.filesFound(merge(context, read), List.of(read))).as("Fabric8 finds the files the reader recorded").isTrue();
        }
        Config plugin = ClusterConfig.load(context, file);
        Config fabric8 = file != null ? Config.fromKubeconfig(context, file.toFile()) : Config.autoConfigure(context);
        assertThat(seen(plugin)).isEqualTo(seen(fabric8));
        return plugin;
    }

    private static Config merge(String context, io.fabric8.kubernetes.api.model.Config kubeconfig) {
        Config config = Config.empty();
        KubeConfigUtils.merge(config, context, kubeconfig);
        return config;
    }

    private static List<Path> existingFiles() {
        return Config.getKubeconfigFilenames().stream().map(Path::of).filter(Files::isRegularFile).toList();
    }

    /** What the client reads from its configuration, by name, so that a difference names the field. */
    private static Map<String, Object> seen(Config config) {
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("masterUrl", config.getMasterUrl());
        seen.put("namespace", config.getNamespace());
        NamedContext current = config.getCurrentContext();
        seen.put("currentContext", current == null ? null : current.getName() + " " + current.getContext());
        seen.put("contexts", config.getContexts() == null ? null : config.getContexts().stream().map(NamedContext::getName).sorted().toList());
        seen.put("file", config.getFile());
        seen.put("caCertFile", config.getCaCertFile());
        seen.put("caCertData", config.getCaCertData());
        seen.put("clientCertFile", config.getClientCertFile());
        seen.put("clientCertData", config.getClientCertData());
        seen.put("clientKeyFile", config.getClientKeyFile());
        seen.put("clientKeyData", config.getClientKeyData());
        seen.put("clientKeyAlgo", config.getClientKeyAlgo());
        seen.put("oauthToken", config.getOauthToken());
        seen.put("autoOAuthToken", config.getAutoOAuthToken());
        seen.put("username", config.getUsername());
        seen.put("password", config.getPassword());
        seen.put("authProvider", config.getAuthProvider());
        seen.put("trustCerts", config.isTrustCerts());
        seen.put("disableHostnameVerification", config.isDisableHostnameVerification());
        seen.put("httpProxy", config.getHttpProxy());
        seen.put("httpsProxy", config.getHttpsProxy());
        seen.put("noProxy", config.getNoProxy() == null ? null : List.of(config.getNoProxy()));
        seen.put("impersonateUsername", config.getImpersonateUsername());
        return seen;
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}

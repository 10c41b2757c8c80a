package dev.slipway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A kubeconfig file for the in-process API server, as a user would have one: a cluster, a user, a context with a namespace. */
public final class Kubeconfig {
    private Kubeconfig() {
    }

    public static Path write(Path file, String serverUrl, String user, String namespace) {
        return writeWithCluster(file, "server: " + serverUrl, user, namespace);
    }

    /** The same for an HTTPS server, whose certificate is trusted as the kubeconfig's certificate-authority file. */
    public static Path writeTls(Path file, String serverUrl, Path certificateAuthority, String user, String namespace) {
        return writeWithCluster(file, "server: " + serverUrl + "\n    certificate-authority: " + certificateAuthority, user, namespace);
    }

    private static Path writeWithCluster(Path file, String cluster, String user, String namespace) {
        String yaml = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: sandbox
              cluster:
                %s
            users:
            - name: %s
              user:
                token: not-checked-by-the-mock
            contexts:
            - name: sandbox
              context:
                cluster: sandbox
                user: %s
                namespace: %s
            - name: elsewhere
              context:
                cluster: sandbox
                user: %s
                namespace: elsewhere
            current-context: sandbox
            """.formatted(cluster, user, user, namespace, user);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

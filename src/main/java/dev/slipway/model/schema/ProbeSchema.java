package dev.slipway.model.schema;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.List;

/**
 * The CRD schema of a core/v1 Probe (the Java model keeps Fabric8's Probe): the same fields, with Kubernetes'
 * int32 range and minimums, and a bound on every string and list. Schema only, never instantiated. The ports are
 * int-or-string, whose bounds the generator does not emit; {@link IntOrStringFields} holds them.
 */
public class ProbeSchema {
    @JsonPropertyDescription("Runs a command in the container; exit status 0 is healthy.")
    public Exec exec;
    @JsonPropertyDescription("HTTP GET against the container; a status from 200 to 399 is healthy.")
    public HttpGet httpGet;
    @JsonPropertyDescription("Opens a TCP connection to the container.")
    public TcpSocket tcpSocket;
    @JsonPropertyDescription("Calls the gRPC health checking protocol.")
    public Grpc grpc;
    @JsonPropertyDescription("Seconds after the container started before the first probe.")
    @Min(0) @Max(Bounds.INT32_MAX)
    public Integer initialDelaySeconds;
    @JsonPropertyDescription("Seconds after which the probe times out (default 1).")
    @Min(0) @Max(Bounds.INT32_MAX)
    public Integer timeoutSeconds;
    @JsonPropertyDescription("Seconds between probes (default 10).")
    @Min(0) @Max(Bounds.INT32_MAX)
    public Integer periodSeconds;
    @JsonPropertyDescription("Successes in a row after a failure to count as healthy (default 1; 1 for liveness probes).")
    @Min(0) @Max(Bounds.INT32_MAX)
    public Integer successThreshold;
    @JsonPropertyDescription("Failures in a row to count as unhealthy (default 3).")
    @Min(0) @Max(Bounds.INT32_MAX)
    public Integer failureThreshold;
    @JsonPropertyDescription("Grace period of a pod whose liveness probe failed; overrides the pod's.")
    @Min(1)
    public Long terminationGracePeriodSeconds;

    public static class Exec {
        @JsonPropertyDescription("The command and its arguments; not run in a shell.")
        @Size(max = 64)
        public List<@Size(max = Bounds.ARGUMENT) String> command;
    }

    public static class HttpGet {
        @JsonPropertyDescription("Path to request, e.g. /healthz.")
        @Size(max = Bounds.PATH)
        public String path;
        @JsonPropertyDescription("Port number (1-65535) or name of the container port.")
        @Required
        public IntOrString port;
        @JsonPropertyDescription("Host to connect to; defaults to the pod IP.")
        @Size(max = Bounds.NAME)
        public String host;
        @JsonPropertyDescription("HTTP or HTTPS (default HTTP).")
        @Size(max = 5)
        @Pattern("^(HTTP|HTTPS)?$")
        public String scheme;
        @JsonPropertyDescription("Headers to send.")
        @Size(max = 32)
        public List<HttpHeader> httpHeaders;
    }

    public static class HttpHeader {
        @JsonPropertyDescription("Header name.")
        @Size(max = Bounds.NAME)
        public String name;
        @JsonPropertyDescription("Header value.")
        @Size(max = Bounds.TEXT)
        public String value;
    }

    public static class TcpSocket {
        @JsonPropertyDescription("Port number (1-65535) or name of the container port.")
        @Required
        public IntOrString port;
        @JsonPropertyDescription("Host to connect to; defaults to the pod IP.")
        @Size(max = Bounds.NAME)
        public String host;
    }

    public static class Grpc {
        @JsonPropertyDescription("Port number of the gRPC service.")
        @Required
        @Min(1) @Max(Bounds.PORT_MAX)
        public Integer port;
        @JsonPropertyDescription("Service name sent in the HealthCheckRequest; empty means the server's overall health.")
        @Size(max = Bounds.TEXT)
        public String service;
    }
}

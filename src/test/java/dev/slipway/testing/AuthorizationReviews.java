package dev.slipway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Answers SelfSubjectRulesReview as the API server would for the operator's ServiceAccount, which the mock
 * server cannot: with the rules of the leader-election Role in deploy/. JOSDK asks before it runs for the Lease,
 * so this also checks that deploy/ grants what leader election needs.
 */
public final class AuthorizationReviews extends Dispatcher {
    static final Path LEADER_ELECTION_RBAC = Path.of("deploy/base/leader-election.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Dispatcher delegate;
    private final JsonNode rules;

    public AuthorizationReviews(Dispatcher delegate) {
        this.delegate = delegate;
        this.rules = roleRules(LEADER_ELECTION_RBAC);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if ("POST".equals(request.getMethod()) && request.getPath().endsWith("/selfsubjectrulesreviews")) {
            ObjectNode review = JSON.createObjectNode();
            review.put("apiVersion", "authorization.k8s.io/v1").put("kind", "SelfSubjectRulesReview");
            ObjectNode status = review.putObject("status");
            var resourceRules = status.putArray("resourceRules");
            rules.forEach(rule -> resourceRules.add(rule.deepCopy()));
            status.putArray("nonResourceRules");
            status.put("incomplete", false);
            return new MockResponse().setResponseCode(201).setBody(review.toString());
        }
        return delegate.dispatch(request);
    }

    private static JsonNode roleRules(Path file) {
        try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
            var documents = new ObjectMapper(new YAMLFactory()).readValues(parser, JsonNode.class);
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if ("Role".equals(document.path("kind").asText())) {
                    return document.path("rules");
                }
            }
            throw new IllegalStateException("no Role in " + file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }
}

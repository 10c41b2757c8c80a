package dev.slipway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.crud.KubernetesCrudDispatcherException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;

/**
 * The mock server's CRUD mode, with JSON merge patches applied as RFC 7386 (and the API server) says: a list in the patch
 * replaces the list stored. The mock merges with Jackson's readerForUpdating, which appends list elements instead: a merge
 * patch that sends an object's owner references or envFrom unchanged doubled them.
 */
final class MergePatches extends ResumableWatches {
    MergePatches() {
        super(List.of());
    }

    @Override
    public JsonNode merge(JsonNode stored, String patch) throws KubernetesCrudDispatcherException {
        try {
            return apply(stored.deepCopy(), Serialization.jsonMapper().readTree(patch));
        } catch (java.io.IOException e) {
            throw new KubernetesCrudDispatcherException("the merge patch is not JSON: " + e.getMessage(), 400);
        }
    }

    static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target : Serialization.jsonMapper().createObjectNode();
        patch.fields().forEachRemaining(field -> {
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), apply(result.get(field.getKey()), field.getValue()));
            }
        });
        return result;
    }
}

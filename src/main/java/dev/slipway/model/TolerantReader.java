package dev.slipway.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.CustomResource;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads an App, Release or Rollback so that no value in it can make it, or the list and watch it arrives in,
 * unreadable. Informers deserialize every object of a list or watch; one that failed used to stop the informer,
 * and with it the operator for every object of that kind. Here spec and status are read separately; a part that
 * cannot be read (a number beyond its type, a malformed quantity, a wrong type) is left null and the problem is
 * recorded on the object ({@link ReadProblem}) for the operator to report. Fields the model does not know (a
 * newer CRD's) are skipped, as every Kubernetes client does; the operator never writes a whole spec back, so
 * they are kept on the server. String values are read through {@link SharedStrings}, so the caches hold one copy of each
 * text that repeats across objects.
 */
public final class TolerantReader<T extends CustomResource<?, ?> & ReadProblem> extends StdDeserializer<T>
    implements ContextualDeserializer {
    private static final int MAX_DETAIL = 300;

    private final Class<T> kind;
    private volatile Readers readers;

    public TolerantReader() {
        this(null);
    }

    private TolerantReader(Class<T> kind) {
        super(kind == null ? Object.class : kind);
        this.kind = kind;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
        return new TolerantReader(context.getContextualType().getRawClass());
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        T object = instantiate();
        Readers readers = readersFor(parser.getCodec());
        List<String> specProblems = new ArrayList<>();
        List<String> statusProblems = new ArrayList<>();
        JsonToken token = parser.currentToken() == JsonToken.START_OBJECT ? parser.nextToken() : parser.currentToken();
        for (; token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String field = parser.currentName();
            boolean present = parser.nextToken() != JsonToken.VALUE_NULL;
            switch (field) {
                case "metadata" -> object.setMetadata(present ? readers.metadata().readValue(new SharingParser(parser, SharedStrings.CACHED)) : null);
                case "spec" -> setSpec(object, present ? read(readers.spec(), parser, context, "spec", specProblems) : null);
                case "status" -> setStatus(object, present ? read(readers.status(), parser, context, "status", statusProblems) : null);
                default -> parser.skipChildren();
            }
        }
        if (!specProblems.isEmpty() || !statusProblems.isEmpty()) {
            List<String> problems = new ArrayList<>(specProblems);
            problems.addAll(statusProblems);
            object.setUnreadable(new ReadProblem.Unreadable(String.join("; ", problems), !statusProblems.isEmpty()));
        }
        return object;
    }

    /**
     * Reads one part from a copy of its tokens, so that a part that cannot be read leaves the parser after it, ready
     * for the next part. Copying tokens costs far less than building a tree of the whole object, which informers do
     * for every object of every list and watch.
     */
    private static Object read(ObjectReader reader, JsonParser parser, DeserializationContext context, String part,
                               List<String> problems) throws IOException {
        TokenBuffer copy = context.bufferAsCopyOfValue(parser);
        try (JsonParser tokens = new SharingParser(copy.asParser(parser.getCodec()), SharedStrings.CACHED)) {
            return reader.readValue(tokens);
        } catch (JsonMappingException e) {
            problems.add(describe(part, e));
            return null;
        } catch (IOException e) {
            problems.add(part + ": " + e.getMessage());
            return null;
        }
    }

    /** The readers of this kind's parts, made once per codec (the client's one mapper) instead of once per object. */
    private Readers readersFor(ObjectCodec codec) {
        Readers current = readers;
        if (current == null || current.codec() != codec) {
            ObjectReader base = ((ObjectMapper) codec).reader()
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);
            Type[] parts = ((ParameterizedType) kind.getGenericSuperclass()).getActualTypeArguments();
            current = new Readers(codec, base.forType(ObjectMeta.class), base.forType(base.getTypeFactory().constructType(parts[0])),
                base.forType(base.getTypeFactory().constructType(parts[1])));
            readers = current;
        }
        return current;
    }

    private record Readers(ObjectCodec codec, ObjectReader metadata, ObjectReader spec, ObjectReader status) {
    }

    /** "spec.processes.web.replicas: Numeric value (3000000000) out of range of int", never a config value. */
    static String describe(String part, JsonMappingException e) {
        String path = part + e.getPath().stream()
            .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining());
        if (path.startsWith("spec.config")) {
            return path + ": not a string";
        }
        String detail = e.getOriginalMessage().lines().findFirst().orElse("unreadable");
        return path + ": " + (detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail);
    }

    private T instantiate() throws JsonProcessingException {
        try {
            return kind.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw JsonMappingException.from((JsonParser) null, "cannot create " + kind.getSimpleName(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void setSpec(CustomResource object, Object spec) {
        object.setSpec(spec);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void setStatus(CustomResource object, Object status) {
        object.setStatus(status);
    }
}

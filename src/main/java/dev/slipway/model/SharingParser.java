package dev.slipway.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;

/**
 * A parser whose string values come from {@link SharedStrings}: what {@link TolerantReader} reads an object's parts
 * through, so that every String field, map value and list element of the model is shared without the model knowing.
 * Field names need no help: Jackson already canonicalizes them.
 */
final class SharingParser extends JsonParserDelegate {
    private final SharedStrings strings;

    SharingParser(JsonParser parser, SharedStrings strings) {
        super(parser);
        this.strings = strings;
    }

    @Override
    public String getText() throws IOException {
        String text = delegate.getText();
        return delegate.currentToken() == JsonToken.VALUE_STRING ? strings.share(text) : text;
    }

    @Override
    public String getValueAsString() throws IOException {
        String text = delegate.getValueAsString();
        return delegate.currentToken() == JsonToken.VALUE_STRING ? strings.share(text) : text;
    }

    @Override
    public String getValueAsString(String defaultValue) throws IOException {
        String text = delegate.getValueAsString(defaultValue);
        return delegate.currentToken() == JsonToken.VALUE_STRING ? strings.share(text) : text;
    }

    @Override
    public String nextTextValue() throws IOException {
        return strings.share(delegate.nextTextValue());
    }
}

package io.kamea.web.limits;

import io.kamea.platform.InvalidRequestException;
import io.kamea.platform.RequestLimits;
import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.ByteArrayInputStream;
import java.util.Map;

/**
 * How deep objects and arrays nest in a JSON text, found by streaming through its parser events:
 * nothing is built and nothing recurses, so a text of a million {@code [} is counted, not a
 * stack overflow. The readers that bind a body afterwards (JSON-P's, JSON-B's) recurse once per
 * level.
 */
final class JsonDepth {

    /** Made once: {@code Json.create...} searches the class path for a provider at every call. */
    private static final JsonParserFactory PARSERS = JsonProvider.provider().createParserFactory(Map.of());

    private JsonDepth() {
    }

    /**
     * Refuses (400) a text nesting deeper than {@code maxDepth}. A text that is not JSON is not
     * refused here: whatever reads it next says what is wrong with it.
     */
    static void check(byte[] json, int maxDepth) {
        int depth = 0;
        try (JsonParser parser = PARSERS.createParser(new ByteArrayInputStream(json))) {
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT, START_ARRAY -> {
                        if (++depth > maxDepth) {
                            throw new InvalidRequestException("The request body nests objects and arrays deeper than "
                                    + maxDepth + " levels (" + RequestLimits.MAX_JSON_DEPTH + ")");
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    default -> {
                    }
                }
            }
        } catch (JsonException notJson) {
            // Malformed from some point on: the reader of the body answers 400 for it.
        }
    }
}

package no.ks.barometer.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.ks.barometer.rules.Texts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON in and out of the API. Reading is strict: one JSON value and nothing after it, no comments, no duplicate
 * keys, and no member name that is not well-formed Unicode (a lone surrogate could be neither stored nor echoed).
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Json() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses a request body; anything but well-formed JSON is refused as {@code malformed-request}. */
    public static JsonNode readStrict(byte[] body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new RequestRejected(ApiProblem.malformed("Innholdet er ikke gyldig JSON."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || node.isMissingNode()) {
            throw new RequestRejected(ApiProblem.malformed("Forespørselen mangler innhold."));
        }
        if (!wellFormedNames(node)) {
            throw new RequestRejected(ApiProblem.malformed("Innholdet har et feltnavn som ikke er gyldig Unicode."));
        }
        return node;
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }

    /**
     * Member names may be echoed in a problem (an unknown field, an unknown question), so one that is not
     * well-formed Unicode is refused here. Text values are left to the rules, which refuse such a text in an
     * answer as {@code INVALID_CHARACTERS} for its question (docs/questionnaire-format.md); no reply echoes a value.
     */
    private static boolean wellFormedNames(JsonNode node) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (Texts.hasUnpairedSurrogate(member.getKey()) || !wellFormedNames(member.getValue())) {
                    return false;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (!wellFormedNames(element)) {
                    return false;
                }
            }
        }
        return true;
    }
}

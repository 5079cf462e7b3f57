package no.ks.barometer.functions.admin;

import com.fasterxml.jackson.databind.JsonNode;
import no.ks.barometer.http.ApiProblem;
import no.ks.barometer.http.Json;
import no.ks.barometer.http.ProblemType;
import no.ks.barometer.http.RequestRejected;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/** Reading what administrators send: strict JSON objects, instants, whole numbers, UTF-8 text. */
final class Bodies {

    /** Far above a register of every kommune and fylkeskommune (about 40 KiB as CSV). */
    static final int MAX_BODY = 2 * 1024 * 1024;

    private Bodies() {
    }

    /** A JSON object with no member outside {@code allowed}. */
    static JsonNode object(byte[] body, Set<String> allowed) {
        limit(body);
        JsonNode node = Json.readStrict(body);
        if (!node.isObject()) {
            throw malformed("Innholdet må være et JSON-objekt.");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw malformed("Ukjent felt «" + name + "»; feltene er " + String.join(", ", allowed) + ".");
            }
        }
        return node;
    }

    static String text(JsonNode object, String name) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw malformed("«" + name + "» må være tekst.");
        }
        return value.textValue();
    }

    static Integer wholeNumber(JsonNode object, String name) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw malformed("«" + name + "» må være et heltall.");
        }
        return value.intValue();
    }

    /** An instant with its offset ({@code 2026-09-01T08:00:00Z} or {@code …+02:00}). */
    static Instant instant(JsonNode object, String name) {
        String text = text(object, name);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed("«" + name + "» må være et tidspunkt med tidssone, for eksempel "
                    + "«2026-09-01T08:00:00+02:00».");
        }
    }

    static String utf8(byte[] body) {
        limit(body);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("Innholdet er ikke gyldig UTF-8.");
        }
    }

    /** A page size from the query, {@code fallback} when absent. */
    static int limit(String text, int fallback) {
        if (text == null) {
            return fallback;
        }
        if (!text.matches("\\d{1,4}")) {
            throw malformed("«limit» må være et positivt heltall.");
        }
        return Integer.parseInt(text);
    }

    static Optional<String> cursor(String text) {
        return Optional.ofNullable(text).filter(s -> !s.isEmpty());
    }

    static RequestRejected malformed(String detail) {
        return new RequestRejected(ApiProblem.malformed(detail));
    }

    private static void limit(byte[] body) {
        if (body.length > MAX_BODY) {
            throw new RequestRejected(ApiProblem.of(ProblemType.PAYLOAD_TOO_LARGE,
                    "Innholdet er større enn " + MAX_BODY / (1024 * 1024) + " MiB."));
        }
    }
}

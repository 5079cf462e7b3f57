package no.ks.barometer.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import no.ks.barometer.rules.Texts;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading what a request carries from an HTTP API (payload 2.0) event. */
public final class HttpRequests {

    /** The largest body accepted: far above any real page of answers, far below Lambda's payload limit. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final char REPLACEMENT_CHARACTER = '\uFFFD';
    private static final Pattern BEARER = Pattern.compile("(?i)bearer[ ]+(\\S+)[ ]*");

    private HttpRequests() {
    }

    /** A header by name; HTTP API lower-cases names, other callers may not. */
    public static Optional<String> header(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        String value = headers.get(name.toLowerCase(Locale.ROOT));
        if (value != null) {
            return Optional.of(value);
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase(name)) {
                return Optional.ofNullable(header.getValue());
            }
        }
        return Optional.empty();
    }

    /** The credential of an {@code Authorization: Bearer <token>} header, if the request has one. */
    public static Optional<String> bearerToken(APIGatewayV2HTTPEvent event) {
        return header(event, "Authorization").map(BEARER::matcher).filter(Matcher::matches).map(m -> m.group(1));
    }

    public static Optional<String> pathParameter(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> parameters = event.getPathParameters();
        return parameters == null ? Optional.empty() : Optional.ofNullable(parameters.get(name));
    }

    public static Optional<String> queryParameter(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> parameters = event.getQueryStringParameters();
        return parameters == null ? Optional.empty() : Optional.ofNullable(parameters.get(name));
    }

    /**
     * The request body as JSON: declared as {@code application/json} (415 otherwise), at most
     * {@link #MAX_BODY_BYTES} (413), and well-formed (400).
     */
    public static JsonNode jsonBody(APIGatewayV2HTTPEvent event) {
        requireJsonContentType(event);
        return Json.readStrict(bodyBytes(event));
    }

    private static void requireJsonContentType(APIGatewayV2HTTPEvent event) {
        String contentType = header(event, "Content-Type").orElse("");
        String[] parts = contentType.split(";");
        boolean json = parts[0].trim().equalsIgnoreCase("application/json");
        for (int i = 1; i < parts.length && json; i++) {
            String[] parameter = parts[i].trim().split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("charset")) {
                json = parameter.length == 2 && parameter[1].trim().replace("\"", "").equalsIgnoreCase("utf-8");
            }
        }
        if (!json) {
            throw new RequestRejected(ApiProblem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Innholdet må sendes som application/json i UTF-8."));
        }
    }

    /**
     * The body's bytes, refused unless they are well-formed UTF-8 whichever way the event carries them. Base64 carries
     * the bytes as sent, checked here with a strict decoder. Text has been decoded before the function sees it, and
     * bytes that were not UTF-8 may have been replaced with U+FFFD on the way; the replacement character is refused
     * in both, so that the answer does not depend on how the body travelled and no respondent's text is stored
     * silently changed.
     */
    private static byte[] bodyBytes(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null || body.isEmpty()) {
            throw new RequestRejected(ApiProblem.malformed("Forespørselen mangler innhold."));
        }
        if (event.getIsBase64Encoded()) {
            if (body.length() > (MAX_BODY_BYTES + 2) / 3 * 4 + 4) {
                throw tooLarge();
            }
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw new RequestRejected(ApiProblem.malformed("Innholdet er merket som base64, men er det ikke."));
            }
            if (decoded.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            requireWellFormed(strictUtf8(decoded));
            return decoded;
        }
        // Every character takes at least one byte, so a long string is refused before it is encoded.
        if (body.length() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        requireWellFormed(body);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        return bytes;
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw notUtf8();
        }
    }

    private static void requireWellFormed(String text) {
        if (text.indexOf(REPLACEMENT_CHARACTER) >= 0 || Texts.hasUnpairedSurrogate(text)) {
            throw notUtf8();
        }
    }

    private static RequestRejected notUtf8() {
        return new RequestRejected(ApiProblem.malformed("Innholdet er ikke gyldig UTF-8. Skriv inn teksten på nytt,"
                + " uten tegn som ikke vises riktig."));
    }

    private static RequestRejected tooLarge() {
        return new RequestRejected(ApiProblem.of(ProblemType.PAYLOAD_TOO_LARGE,
                "Forespørselen kan være på høyst " + MAX_BODY_BYTES / 1024 + " KiB."));
    }
}

package no.ks.barometer.local.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.ks.barometer.http.Replies;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The answers the local stack gives itself (no route, wrong method, no file, a request the server cannot read) in the
 * form of the respondent API's own problems ({@code no.ks.barometer.http.ProblemType}), and API Gateway's own
 * {@code {"message": …}} answers. Every one carries the security headers and the caching rule of the API's replies.
 */
final class Problems {

    private static final String TYPE_PREFIX = "urn:barometer:problem:";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    static String type(String slug) {
        return TYPE_PREFIX + slug;
    }

    static HttpApiEvents.Response problem(int status, String slug, String title, String detail,
                                          HttpApiEvents.Header... extra) {
        ObjectNode body = JSON.createObjectNode()
                .put("type", type(slug))
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        return answer(status, Replies.PROBLEM_JSON, json(body), List.of(extra));
    }

    /** A refusal by the server itself, before any route: the request could not be read as HTTP. */
    static HttpApiEvents.Response refusal(int status) {
        return switch (status) {
            case 408 -> problem(408, "request-timeout", "Forespørselen tok for lang tid",
                    "Forespørselen kom ikke fram i tide.");
            case 413 -> problem(413, "payload-too-large", "For mye innhold",
                    "Forespørselen er større enn API-et tar imot.");
            case 414, 431 -> problem(status, "request-too-large", "For store hoder",
                    "Adressen eller hodene i forespørselen er for lange.");
            case 500 -> problem(500, "internal-error", "Noe gikk galt hos oss",
                    "En feil i den lokale stakken stoppet forespørselen.");
            default -> problem(status >= 400 && status < 600 ? status : 400, "malformed-request",
                    "Ugyldig forespørsel", "Forespørselen er ikke gyldig HTTP.");
        };
    }

    /** API Gateway's own answer, in its own form. */
    static HttpApiEvents.Response gatewayMessage(int status, String message, String requestId) {
        return answer(status, Replies.JSON, json(JSON.createObjectNode().put("message", message)),
                List.of(new HttpApiEvents.Header("Apigw-Requestid", requestId)));
    }

    private static HttpApiEvents.Response answer(int status, String contentType, byte[] body,
                                                 List<HttpApiEvents.Header> extra) {
        List<HttpApiEvents.Header> headers = new ArrayList<>();
        headers.add(new HttpApiEvents.Header("Content-Type", contentType));
        headers.add(new HttpApiEvents.Header("Cache-Control", Replies.NO_STORE));
        for (Map.Entry<String, String> header : Replies.securityHeaders().entrySet()) {
            headers.add(new HttpApiEvents.Header(header.getKey(), header.getValue()));
        }
        headers.addAll(extra);
        return new HttpApiEvents.Response(status, headers, body);
    }

    private static byte[] json(ObjectNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }
}

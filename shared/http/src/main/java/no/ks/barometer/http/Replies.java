package no.ks.barometer.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.Map;

/** Building replies, every one with the same protective headers. */
public final class Replies {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";
    /** Respondent data and refusals must never sit in a shared or browser cache. */
    public static final String NO_STORE = "no-store";

    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
            "Referrer-Policy", "no-referrer");

    private Replies() {
    }

    /** The protective headers every reply carries; the local stack sends the same with the answers it makes itself. */
    public static Map<String, String> securityHeaders() {
        return SECURITY_HEADERS;
    }

    /** A JSON body of respondent data, not to be cached. */
    public static ApiReply json(int status, JsonNode body) {
        return json(status, Json.write(body), Map.of("Cache-Control", NO_STORE));
    }

    /** A JSON body with the caller's caching headers. */
    public static ApiReply json(int status, String body, Map<String, String> cacheHeaders) {
        Map<String, String> headers = headers(JSON);
        headers.putAll(cacheHeaders);
        return new ApiReply(status, headers, body, null, null);
    }

    /** {@code 304 Not Modified}: no body, the validators the client already holds. */
    public static ApiReply notModified(Map<String, String> cacheHeaders) {
        Map<String, String> headers = new HashMap<>(SECURITY_HEADERS);
        headers.putAll(cacheHeaders);
        return new ApiReply(304, headers, null, null, null);
    }

    public static ApiReply problem(ApiProblem problem) {
        ObjectNode body = Json.object();
        body.put("type", problem.type().uri());
        body.put("title", problem.type().title());
        body.put("status", problem.type().status());
        body.put("detail", problem.detail());
        if (!problem.errors().isEmpty()) {
            ArrayNode errors = body.putArray("errors");
            for (ProblemError error : problem.errors()) {
                ObjectNode entry = errors.addObject();
                entry.put("question", error.question());
                entry.put("code", error.code());
                entry.put("message", error.message());
                if (error.row() != null) {
                    entry.put("row", error.row());
                }
                if (error.option() != null) {
                    entry.put("option", error.option());
                }
            }
        }
        if (problem.omittedErrors() > 0) {
            body.put("omittedErrors", problem.omittedErrors());
        }
        if (problem.current() != null) {
            body.set("current", problem.current());
        }
        Map<String, String> headers = headers(PROBLEM_JSON);
        headers.put("Cache-Control", NO_STORE);
        if (problem.type() == ProblemType.SERVICE_UNAVAILABLE) {
            headers.put("Retry-After", "1");
        }
        if (problem.challenge() != null) {
            headers.put("WWW-Authenticate", problem.challenge());
        }
        return new ApiReply(problem.type().status(), headers, Json.write(body), null, problem.type());
    }

    private static Map<String, String> headers(String contentType) {
        Map<String, String> headers = new HashMap<>(SECURITY_HEADERS);
        headers.put("Content-Type", contentType);
        return headers;
    }
}

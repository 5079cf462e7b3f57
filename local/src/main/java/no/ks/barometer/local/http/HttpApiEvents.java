package no.ks.barometer.local.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.ks.barometer.local.template.RouteAuth;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the event API Gateway's HTTP API (payload format 2.0) gives a function, from a request as it arrived,
 * and reads the function's response back. Mirrors what API Gateway does: header names lower-cased and repeated
 * headers joined with commas, cookies moved out of the headers into {@code cookies}, query parameters decoded
 * with repeated names joined with commas, the body base64-encoded unless it is text in UTF-8. A stream handler gets the event
 * as the JSON API Gateway sends (payload format 2.0) and answers JSON, read as API Gateway reads it.
 */
public final class HttpApiEvents {

    /** A request as received, before routing turned it into an event. */
    public record Request(String method, String path, String rawQueryString, Map<String, List<String>> headers,
                          byte[] body, String sourceIp, String host) {
    }

    /** A response ready to write: status, headers (a name may repeat), body bytes. */
    public record Response(int status, List<Header> headers, byte[] body) {
    }

    public record Header(String name, String value) {
    }

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /**
     * The event's JSON as API Gateway sends it: the field names of payload format 2.0 ({@code rawPath},
     * {@code requestContext.http.method}, {@code isBase64Encoded}), which the event class's properties carry;
     * absent values are left out rather than sent as null.
     */
    private static final ObjectMapper EVENT_JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private HttpApiEvents() {
    }

    public static APIGatewayV2HTTPEvent toEvent(Request request, Router.Found found, String requestId,
                                                Instant time) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(value -> cookies.addAll(cookies(value)));
            } else {
                headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        headers.put("x-forwarded-for", request.sourceIp());
        headers.put("x-forwarded-proto", "http");
        headers.put("x-forwarded-port", request.host().substring(request.host().lastIndexOf(':') + 1));
        headers.putIfAbsent("host", request.host());
        String routeKey = found.route().event().routeKey();
        boolean text = isText(headers.get("content-type")) && isUtf8(request.body());
        String body = request.body().length == 0 ? null
                : text ? new String(request.body(), StandardCharsets.UTF_8)
                : Base64.getEncoder().encodeToString(request.body());
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = found.route().event().auth() == RouteAuth.IAM
                ? APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        // Whoever holds the admin token is no IAM user, so the principal has no ARN: the admin
                        // function then records its caller id, and the audit trail says "local admin".
                        .withIam(APIGatewayV2HTTPEvent.RequestContext.IAM.builder()
                                .withAccountId(LocalAccount.ID)
                                .withCallerId(LocalAccount.ADMIN)
                                .withUserId(LocalAccount.ADMIN)
                                .build())
                        .build()
                : null;
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(request.path())
                .withRawQueryString(request.rawQueryString() == null ? "" : request.rawQueryString())
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(queryParameters(request.rawQueryString()))
                .withPathParameters(found.pathParameters().isEmpty() ? null : found.pathParameters())
                .withBody(body)
                .withIsBase64Encoded(body != null && !text)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAccountId(LocalAccount.ID)
                        .withApiId(LocalAccount.API_ID)
                        .withDomainName(request.host())
                        .withDomainPrefix(request.host().split("[.:]", 2)[0])
                        .withRouteKey(routeKey)
                        .withStage("$default")
                        .withRequestId(requestId)
                        .withTime(REQUEST_TIME.format(time))
                        .withTimeEpoch(time.toEpochMilli())
                        .withAuthorizer(authorizer)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(request.method())
                                .withPath(request.path())
                                .withProtocol("HTTP/1.1")
                                .withSourceIp(request.sourceIp())
                                .withUserAgent(headers.get("user-agent"))
                                .build())
                        .build())
                .build();
    }

    public static byte[] toJson(APIGatewayV2HTTPEvent event) {
        try {
            return EVENT_JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The event could not be written as JSON", e);
        }
    }

    /**
     * A stream handler's output read as API Gateway reads payload format 2.0: an object with {@code statusCode}
     * gives the status, {@code headers}, {@code cookies}, {@code body} and {@code isBase64Encoded}; any other valid
     * JSON is the body of a 200 with {@code content-type: application/json}; empty when the output is not JSON or
     * its fields have the wrong types, which API Gateway answers with a 500.
     */
    public static Optional<APIGatewayV2HTTPResponse> fromJson(byte[] output) {
        JsonNode json;
        try {
            json = output.length == 0 ? null : EVENT_JSON.readTree(output);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (json == null || json.isMissingNode()) {
            return Optional.empty();
        }
        if (!json.isObject() || !json.has("statusCode")) {
            return Optional.of(APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(200)
                    .withHeaders(Map.of("content-type", "application/json"))
                    .withBody(new String(output, StandardCharsets.UTF_8))
                    .build());
        }
        JsonNode status = json.get("statusCode");
        JsonNode headers = json.path("headers");
        JsonNode cookies = json.path("cookies");
        JsonNode body = json.path("body");
        boolean wellFormed = status.canConvertToInt() && status.asInt() >= 100 && status.asInt() <= 599
                && (headers.isMissingNode() || headers.isNull() || headers.isObject())
                && (cookies.isMissingNode() || cookies.isNull() || cookies.isArray())
                && (body.isMissingNode() || body.isNull() || body.isTextual());
        if (!wellFormed) {
            return Optional.empty();
        }
        Map<String, String> headerValues = new LinkedHashMap<>();
        headers.properties().forEach(header -> headerValues.put(header.getKey(), header.getValue().asText()));
        List<String> cookieValues = new ArrayList<>();
        cookies.forEach(cookie -> cookieValues.add(cookie.asText()));
        return Optional.of(APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status.asInt())
                .withHeaders(headerValues)
                .withCookies(cookieValues)
                .withBody(body.isTextual() ? body.asText() : null)
                .withIsBase64Encoded(json.path("isBase64Encoded").asBoolean(false))
                .build());
    }

    /** The HTTP response API Gateway makes of a function's result. */
    public static Response toResponse(APIGatewayV2HTTPResponse result, String requestId) {
        List<Header> headers = new ArrayList<>();
        if (result.getHeaders() != null) {
            result.getHeaders().forEach((name, value) -> headers.add(new Header(name, value)));
        }
        if (result.getMultiValueHeaders() != null) {
            result.getMultiValueHeaders().forEach((name, values) ->
                    values.forEach(value -> headers.add(new Header(name, value))));
        }
        if (result.getCookies() != null) {
            result.getCookies().forEach(cookie -> headers.add(new Header("Set-Cookie", cookie)));
        }
        headers.add(new Header("Apigw-Requestid", requestId));
        String body = result.getBody();
        byte[] bytes = body == null ? new byte[0]
                : result.getIsBase64Encoded() ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        return new Response(result.getStatusCode(), headers, bytes);
    }

    /** Bodies API Gateway passes as text; anything else arrives base64-encoded. */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.startsWith("text/")
                || type.equals("application/json")
                || type.endsWith("+json")
                || type.equals("application/xml")
                || type.endsWith("+xml")
                || type.equals("application/javascript")
                || type.equals("application/x-www-form-urlencoded");
    }

    /**
     * Whether the bytes are well-formed UTF-8. What API Gateway does with a text body that is not is not
     * documented; decoding it would replace bytes with U+FFFD and hide from the function what was sent, so such a
     * body is passed on base64-encoded, byte for byte, and the handlers refuse it either way.
     */
    static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static List<String> cookies(String header) {
        List<String> cookies = new ArrayList<>();
        for (String cookie : header.split(";")) {
            if (!cookie.isBlank()) {
                cookies.add(cookie.trim());
            }
        }
        return cookies;
    }

    private static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters.isEmpty() ? null : parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}

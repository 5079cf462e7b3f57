package no.ks.barometer.local.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import no.ks.barometer.local.template.RouteAuth;

import java.net.URLDecoder;
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

/**
 * Builds the event API Gateway's HTTP API (payload format 2.0) gives a function, from a request as it arrived,
 * and reads the function's response back. Mirrors what API Gateway does: header names lower-cased and repeated
 * headers joined with commas, cookies moved out of the headers into {@code cookies}, query parameters decoded
 * with repeated names joined with commas, the body base64-encoded unless it is text.
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
        boolean text = isText(headers.get("content-type"));
        String body = request.body().length == 0 ? null
                : text ? new String(request.body(), StandardCharsets.UTF_8)
                : Base64.getEncoder().encodeToString(request.body());
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = found.route().event().auth() == RouteAuth.IAM
                ? APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withIam(APIGatewayV2HTTPEvent.RequestContext.IAM.builder()
                                .withAccessKey("LOCALADMINACCESSKEY")
                                .withAccountId(LocalAccount.ID)
                                .withCallerId("LOCALADMIN")
                                .withUserArn("arn:aws:iam::" + LocalAccount.ID + ":user/local-admin")
                                .withUserId("LOCALADMIN")
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

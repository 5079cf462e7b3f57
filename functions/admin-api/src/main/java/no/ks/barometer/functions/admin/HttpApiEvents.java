package no.ks.barometer.functions.admin;

import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
import com.amazonaws.serverless.proxy.model.HttpApiV2AuthorizerMap;
import com.amazonaws.serverless.proxy.model.HttpApiV2HttpContext;
import com.amazonaws.serverless.proxy.model.HttpApiV2IamAuthorizer;
import com.amazonaws.serverless.proxy.model.HttpApiV2ProxyRequest;
import com.amazonaws.serverless.proxy.model.HttpApiV2ProxyRequestContext;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import no.ks.barometer.http.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP API payload 2.0 events in and the container's responses out, read and written with Jackson's tree and
 * generator. The container would bind them with its own data-binding mapper, which builds bean deserializers and
 * serializers for the event model (generating their bytecode with Afterburner) while an administrator waits for
 * the first answer of a cold start; that was a fifth of the container's start (BENCHMARKS.md). The JSON is the same:
 * {@code HttpApiEventsTest} holds both ways to the container's own mapper for every event in {@code events/admin-api}.
 *
 * <p>Of the authorizers, only IAM is read: every admin route is {@code AWS_IAM}, and a request with any other
 * kind reaches {@link CallerFilter} without a principal and is refused.
 */
final class HttpApiEvents {

    private static final JsonFactory JSON = Json.mapper().getFactory();

    private HttpApiEvents() {
    }

    static HttpApiV2ProxyRequest read(InputStream input) throws IOException {
        JsonNode event = Json.mapper().readTree(input);
        if (event == null || !event.isObject()) {
            throw new IOException("An HTTP API event is a JSON object");
        }
        HttpApiV2ProxyRequest request = new HttpApiV2ProxyRequest();
        request.setVersion(text(event, "version"));
        request.setRouteKey(text(event, "routeKey"));
        request.setRawPath(text(event, "rawPath"));
        request.setRawQueryString(text(event, "rawQueryString"));
        request.setCookies(texts(event.get("cookies")));
        request.setHeaders(textMap(event.get("headers")));
        request.setQueryStringParameters(textMap(event.get("queryStringParameters")));
        request.setPathParameters(textMap(event.get("pathParameters")));
        request.setStageVariables(textMap(event.get("stageVariables")));
        request.setBody(text(event, "body"));
        request.setBase64Encoded(event.path("isBase64Encoded").asBoolean(false));
        JsonNode context = event.get("requestContext");
        if (context != null && context.isObject()) {
            request.setRequestContext(requestContext(context));
        }
        return request;
    }

    private static HttpApiV2ProxyRequestContext requestContext(JsonNode node) {
        HttpApiV2ProxyRequestContext context = new HttpApiV2ProxyRequestContext();
        context.setAccountId(text(node, "accountId"));
        context.setApiId(text(node, "apiId"));
        context.setDomainName(text(node, "domainName"));
        context.setDomainPrefix(text(node, "domainPrefix"));
        context.setRequestId(text(node, "requestId"));
        context.setRouteKey(text(node, "routeKey"));
        context.setStage(text(node, "stage"));
        context.setTime(text(node, "time"));
        context.setTimeEpoch(node.path("timeEpoch").asLong(0));
        JsonNode http = node.get("http");
        if (http != null && http.isObject()) {
            HttpApiV2HttpContext httpContext = new HttpApiV2HttpContext();
            httpContext.setMethod(text(http, "method"));
            httpContext.setPath(text(http, "path"));
            httpContext.setProtocol(text(http, "protocol"));
            httpContext.setSourceIp(text(http, "sourceIp"));
            httpContext.setUserAgent(text(http, "userAgent"));
            context.setHttp(httpContext);
        }
        JsonNode iam = node.path("authorizer").get("iam");
        if (iam != null && iam.isObject()) {
            HttpApiV2IamAuthorizer principal = new HttpApiV2IamAuthorizer();
            principal.setAccessKey(text(iam, "accessKey"));
            principal.setAccountId(text(iam, "accountId"));
            principal.setCallerId(text(iam, "callerId"));
            principal.setCognitoIdentity(text(iam, "cognitoIdentity"));
            principal.setPrincipalOrgId(text(iam, "principalOrgId"));
            principal.setUserArn(text(iam, "userArn"));
            principal.setUserId(text(iam, "userId"));
            HttpApiV2AuthorizerMap authorizer = new HttpApiV2AuthorizerMap();
            authorizer.putIamAuthorizer(principal);
            context.setAuthorizer(authorizer);
        }
        return context;
    }

    /** As the container's mapper writes it: members that are null are left out. */
    static void write(AwsProxyResponse response, OutputStream output) throws IOException {
        try (JsonGenerator out = JSON.createGenerator(output)) {
            out.writeStartObject();
            out.writeNumberField("statusCode", response.getStatusCode());
            if (response.getStatusDescription() != null) {
                out.writeStringField("statusDescription", response.getStatusDescription());
            }
            if (response.getHeaders() != null) {
                out.writeObjectFieldStart("headers");
                for (Map.Entry<String, String> header : response.getHeaders().entrySet()) {
                    out.writeStringField(header.getKey(), header.getValue());
                }
                out.writeEndObject();
            }
            if (response.getMultiValueHeaders() != null) {
                out.writeObjectFieldStart("multiValueHeaders");
                for (Map.Entry<String, List<String>> header : response.getMultiValueHeaders().entrySet()) {
                    out.writeArrayFieldStart(header.getKey());
                    for (String value : header.getValue()) {
                        out.writeString(value);
                    }
                    out.writeEndArray();
                }
                out.writeEndObject();
            }
            if (response.getBody() != null) {
                out.writeStringField("body", response.getBody());
            }
            out.writeBooleanField("isBase64Encoded", response.isBase64Encoded());
            out.writeEndObject();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> texts(JsonNode array) {
        if (array == null || !array.isArray()) {
            return null;
        }
        List<String> values = new ArrayList<>(array.size());
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static Map<String, String> textMap(JsonNode object) {
        if (object == null || !object.isObject()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            values.put(member.getKey(), member.getValue().isNull() ? null : member.getValue().asText());
        }
        return values;
    }
}

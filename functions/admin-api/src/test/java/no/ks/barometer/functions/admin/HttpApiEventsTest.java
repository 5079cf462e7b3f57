package no.ks.barometer.functions.admin;

import com.amazonaws.serverless.proxy.internal.LambdaContainerHandler;
import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
import com.amazonaws.serverless.proxy.model.Headers;
import com.amazonaws.serverless.proxy.model.HttpApiV2ProxyRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The handler reads events and writes responses itself; the container's own mapper is the judge of what they
 * mean, both ways.
 */
class HttpApiEventsTest {

    private static final ObjectMapper CONTAINER = LambdaContainerHandler.getObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyAdminEventIsReadAsTheContainersMapperReadsIt() throws IOException {
        List<Path> files = AdminSeed.eventFiles();
        assertTrue(files.size() >= 25, "expected the admin events, found " + files);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            byte[] event = Files.readAllBytes(file);
            HttpApiV2ProxyRequest ours = HttpApiEvents.read(new ByteArrayInputStream(event));
            HttpApiV2ProxyRequest theirs = CONTAINER.readValue(event, HttpApiV2ProxyRequest.class);
            assertEquals(CONTAINER.valueToTree(theirs), (JsonNode) CONTAINER.valueToTree(ours));
        }));
    }

    @Test
    void anEventWithCookiesABase64BodyAndNullsIsReadAsTheContainersMapperReadsIt() throws IOException {
        String event = """
                {"version": "2.0", "routeKey": "POST /v1/admin/surveys/s/register", "rawPath": "/v1/admin/surveys/s/register",
                 "rawQueryString": "dryRun=true&x=%C3%A5", "cookies": ["a=1", "b=2"],
                 "headers": {"content-type": "text/csv", "x-empty": ""},
                 "queryStringParameters": {"dryRun": "true", "x": "å"}, "pathParameters": null,
                 "stageVariables": {"stage": "prod"}, "body": "bnVtbWVyLG5hdm4K", "isBase64Encoded": true,
                 "requestContext": {"accountId": "123456789012", "apiId": "api", "domainName": "example.com",
                   "domainPrefix": "example", "requestId": "r", "routeKey": "POST /v1/admin/surveys/s/register",
                   "stage": "$default", "time": "01/Sep/2026:08:15:00 +0000", "timeEpoch": 1788250500000,
                   "http": {"method": "POST", "path": "/v1/admin/surveys/s/register", "protocol": "HTTP/1.1",
                            "sourceIp": "192.0.2.20", "userAgent": "barometer-admin/1.0"},
                   "authorizer": {"iam": {"accessKey": "AKIAIOSFODNN7EXAMPLE", "accountId": "123456789012",
                     "callerId": "AIDAEXAMPLE", "cognitoIdentity": null, "principalOrgId": "o-example",
                     "userArn": "arn:aws:iam::123456789012:user/example", "userId": "AIDAEXAMPLE"}}}}""";
        byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
        HttpApiV2ProxyRequest ours = HttpApiEvents.read(new ByteArrayInputStream(bytes));
        assertEquals(CONTAINER.valueToTree(CONTAINER.readValue(bytes, HttpApiV2ProxyRequest.class)),
                (JsonNode) CONTAINER.valueToTree(ours));
        assertEquals(List.of("a=1", "b=2"), ours.getCookies());
        assertEquals("o-example", ours.getRequestContext().getAuthorizer().getIamAuthorizer().getPrincipalOrgId());
    }

    @Test
    void anEventWithoutAnAuthorizerHasNoPrincipal() throws IOException {
        HttpApiV2ProxyRequest request = HttpApiEvents.read(new ByteArrayInputStream("""
                {"version": "2.0", "rawPath": "/v1/admin/surveys", "requestContext": {"http": {"method": "GET"}}}"""
                .getBytes(StandardCharsets.UTF_8)));
        assertNull(request.getRequestContext().getAuthorizer());
        assertEquals("GET", request.getRequestContext().getHttp().getMethod());
    }

    @Test
    void somethingThatIsNotAnEventObjectIsRefused() {
        assertThrows(IOException.class,
                () -> HttpApiEvents.read(new ByteArrayInputStream("[1]".getBytes(StandardCharsets.UTF_8))));
        assertThrows(IOException.class,
                () -> HttpApiEvents.read(new ByteArrayInputStream("{\"version\":".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void responsesAreWrittenAsTheContainersMapperWritesThem() throws IOException {
        Headers multi = new Headers();
        multi.add("Set-Cookie", "a=1");
        multi.add("Set-Cookie", "b=2");
        multi.add("Content-Type", "application/problem+json");
        AwsProxyResponse full = new AwsProxyResponse(422, multi, "{\"title\":\"Ugyldig – æøå\"}");
        full.setHeaders(Map.of("ETag", "\"abc\""));
        full.setStatusDescription("422 Unprocessable Content");
        AwsProxyResponse binary = new AwsProxyResponse(200, null, "AAEC");
        binary.setBase64Encoded(true);
        for (AwsProxyResponse response : List.of(full, binary, new AwsProxyResponse(304))) {
            ByteArrayOutputStream ours = new ByteArrayOutputStream();
            HttpApiEvents.write(response, ours);
            assertEquals(CONTAINER.readTree(CONTAINER.writeValueAsBytes(response)),
                    CONTAINER.readTree(ours.toByteArray()));
        }
    }
}

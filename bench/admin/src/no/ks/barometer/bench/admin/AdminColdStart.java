package no.ks.barometer.bench.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import no.ks.barometer.bench.respondent.RawGetItemHandler;
import no.ks.barometer.functions.admin.AdminApiHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * One cold start of the admin API, as Lambda's init and first invoke: build the handler (its static init builds
 * the DynamoDB client, the questionnaire catalog and the Jersey container), answer one signed
 * {@code GET /v1/admin/surveys/{surveyId}} (one GetItem), print the wall-clock instants of the handler built
 * and of the answer in nanoseconds. The floor is {@code raw-get}: the same client doing one GetItem.
 *
 * <p>Arguments: {@code admin <surveyId>} or {@code raw-get <surveyId> <orgNumber>}.
 */
public final class AdminColdStart {

    private AdminColdStart() {
    }

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "admin" -> {
                AdminApiHandler handler = new AdminApiHandler();
                stamp("built");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                handler.handleRequest(new ByteArrayInputStream(event(args[1]).getBytes(StandardCharsets.UTF_8)),
                        out, null);
                stamp("answered");
                String reply = out.toString(StandardCharsets.UTF_8);
                if (!reply.contains("\"statusCode\":200")) {
                    throw new IllegalStateException("Expected 200: " + reply);
                }
            }
            case "raw-get" -> {
                RawGetItemHandler handler = new RawGetItemHandler();
                stamp("built");
                APIGatewayV2HTTPResponse response = handler.handleRequest(APIGatewayV2HTTPEvent.builder()
                        .withPathParameters(Map.of("survey", args[1], "org", args[2])).build(), null);
                stamp("answered");
                if (response.getStatusCode() != 200) {
                    throw new IllegalStateException("Expected 200, got " + response.getStatusCode());
                }
            }
            default -> throw new IllegalArgumentException("admin or raw-get, not " + args[0]);
        }
    }

    private static void stamp(String what) {
        Instant now = Instant.now();
        System.err.println(what + " " + (now.getEpochSecond() * 1_000_000_000L + now.getNano()));
    }

    private static String event(String surveyId) {
        return """
                {"version": "2.0", "routeKey": "GET /v1/admin/surveys/{surveyId}",
                 "rawPath": "/prod/v1/admin/surveys/%1$s", "rawQueryString": "",
                 "headers": {"accept": "application/json", "host": "a1b2c3d4e5.execute-api.eu-north-1.amazonaws.com"},
                 "pathParameters": {"surveyId": "%1$s"},
                 "requestContext": {"accountId": "123456789012", "apiId": "a1b2c3d4e5", "stage": "prod",
                   "requestId": "bench", "routeKey": "GET /v1/admin/surveys/{surveyId}",
                   "http": {"method": "GET", "path": "/prod/v1/admin/surveys/%1$s", "protocol": "HTTP/1.1",
                            "sourceIp": "192.0.2.20", "userAgent": "bench"},
                   "authorizer": {"iam": {"accountId": "123456789012", "callerId": "AIDABENCH",
                                          "userArn": "arn:aws:iam::123456789012:user/bench", "userId": "AIDABENCH"}},
                   "timeEpoch": 0},
                 "isBase64Encoded": false}""".formatted(surveyId);
    }
}

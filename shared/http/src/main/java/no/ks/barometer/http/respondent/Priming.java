package no.ks.barometer.http.respondent;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import no.ks.barometer.token.Tokens;

import java.util.HashMap;
import java.util.Map;

/**
 * Requests a handler sends itself before a SnapStart snapshot, so that the snapshot holds loaded and initialised
 * code for the whole request path. The token is fresh and random: no response has it, so nothing is read or
 * written but one GetItem that finds nothing, and the reply is {@code 401 invalid-token}. Any other reply means the
 * container is broken (the exchange turns a failure into a 500 or 503 reply), and the priming fails, which makes
 * SnapStart abort the checkpoint rather than snapshot that container.
 */
public final class Priming {

    public static final String REQUEST_ID = "snapstart-priming";

    private Priming() {
    }

    /** The status of every priming request's reply: its token opens no response. */
    public static final int EXPECTED_STATUS = 401;

    /** Fails unless {@code reply} is what a priming request gets from a working container. */
    public static void requireWorking(APIGatewayV2HTTPResponse reply) {
        if (reply.getStatusCode() != EXPECTED_STATUS) {
            throw new IllegalStateException("A priming request was answered " + reply.getStatusCode() + " instead of "
                    + EXPECTED_STATUS + ", so the container is not fit to be snapshot: " + reply.getBody());
        }
    }

    public static APIGatewayV2HTTPEvent event(String method, String path, Map<String, String> pathParameters,
                                              String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("authorization", "Bearer " + Tokens.newToken());
        headers.put("content-type", "application/json");
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(method + " " + path)
                .withRawPath(path)
                .withHeaders(headers)
                .withPathParameters(pathParameters)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(REQUEST_ID)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method).withPath(path).build())
                        .build())
                .build();
    }
}

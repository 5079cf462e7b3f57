package no.ks.barometer.bench.respondent;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.HashMap;
import java.util.Map;

/** The page-save event the measurements send, shaped as API Gateway sends it. */
final class Events {

    private Events() {
    }

    static APIGatewayV2HTTPEvent savePage(String token, String page, long version, String answers) {
        Map<String, String> headers = new HashMap<>();
        headers.put("authorization", "Bearer " + token);
        headers.put("content-type", "application/json");
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("PUT /v1/response/pages/{pageId}")
                .withRawPath("/v1/response/pages/" + page)
                .withHeaders(headers)
                .withPathParameters(Map.of("pageId", page))
                .withBody("{\"version\":" + version + ",\"answers\":" + answers + "}")
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("bench")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("PUT").withPath("/v1/response/pages/" + page).build())
                        .build())
                .build();
    }
}

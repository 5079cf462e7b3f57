package no.ks.barometer.local.http.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.util.Map;

/** Returns the request body as it came, base64-encoded, as a function serving binary content does. */
public final class BinaryHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        if (!event.getIsBase64Encoded()) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(400).build();
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/octet-stream"))
                .withBody(event.getBody())
                .withIsBase64Encoded(true)
                .build();
    }
}

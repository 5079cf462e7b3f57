package no.ks.barometer.systemtests;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import no.ks.barometer.functions.response.GetResponseHandler;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.testing.MutableClock;
import no.ks.barometer.testing.Surveys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The other half of the authorization matrix: what opens the admin API opens no respondent's response. */
@ExtendWith(DynamoDbLocal.class)
class AdminTokenOnRespondentRouteTest {

    @Test
    void adminCredentialsOnARespondentRouteAreRefusedLikeAnyUnknownToken(DynamoDbLocal.LocalTable table) {
        GetResponseHandler handler = new GetResponseHandler(table.client(), table.tableName(),
                new MutableClock(Surveys.START));
        APIGatewayV2HTTPEvent.RequestContext.IAM iam = new APIGatewayV2HTTPEvent.RequestContext.IAM();
        iam.setUserArn("arn:aws:iam::123456789012:user/analytiker");
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer =
                new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        authorizer.setIam(iam);
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setAuthorizer(authorizer);
        context.setRouteKey("GET /v1/response");

        for (Map<String, String> headers : java.util.List.of(
                Map.of("authorization", "Bearer local-admin-token-0123456789abcdef"),
                Map.of("authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260901/eu-north-1/"
                        + "execute-api/aws4_request, SignedHeaders=host, Signature=" + "0".repeat(64)))) {
            APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRouteKey("GET /v1/response")
                    .withRawPath("/v1/response").withHeaders(headers).withRequestContext(context).build();

            APIGatewayV2HTTPResponse reply = handler.handleRequest(event, null);

            assertEquals(401, reply.getStatusCode(), headers.toString());
            assertTrue(reply.getBody().contains("urn:barometer:problem:invalid-token"));
        }
    }
}

package no.ks.barometer.bench.respondent;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import no.ks.barometer.store.DynamoDbClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

import java.util.Map;

/**
 * The floor a respondent handler is measured against: the same client, built the same way, doing one GetItem
 * of an invitation item and answering with it. Everything a real handler adds is the difference.
 */
public final class RawGetItemHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final DynamoDbClient CLIENT = DynamoDbClients.fromEnvironment();
    private static final String TABLE = DynamoDbClients.tableName(System.getenv());

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Map<String, AttributeValue> item = CLIENT.getItem(GetItemRequest.builder().tableName(TABLE)
                .key(Map.of("pk", AttributeValue.fromS("SURVEY#" + event.getPathParameters().get("survey")),
                        "sk", AttributeValue.fromS("ORG#" + event.getPathParameters().get("org"))))
                .consistentRead(true).build()).item();
        return APIGatewayV2HTTPResponse.builder().withStatusCode(item.isEmpty() ? 404 : 200)
                .withBody(item.toString()).build();
    }
}

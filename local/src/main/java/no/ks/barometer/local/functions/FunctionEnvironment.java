package no.ks.barometer.local.functions;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Map;

/**
 * What a function gets where the local stack runs it: the shared DynamoDB client and table, the clock, and the
 * environment variables of its template entry, resolved to local values.
 */
public record FunctionEnvironment(DynamoDbClient dynamoDb, String tableName, Clock clock,
                                  Map<String, String> variables) {

    public FunctionEnvironment {
        variables = Map.copyOf(variables);
    }
}

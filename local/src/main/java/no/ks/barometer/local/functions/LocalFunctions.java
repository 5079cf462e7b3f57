package no.ks.barometer.local.functions;

import no.ks.barometer.local.template.SamFunction;
import no.ks.barometer.local.template.SamTemplate;
import no.ks.barometer.local.template.ValueResolver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every function of a template, loaded once for the stack's lifetime. */
public final class LocalFunctions {

    private LocalFunctions() {
    }

    /**
     * @param localVariables what every function gets on top of its template environment (the endpoint and table
     *                       of DynamoDB Local, credentials); they win over the template's values
     * @return the functions by logical id
     */
    public static Map<String, LocalFunction> load(SamTemplate template, ValueResolver resolver,
                                                  Map<String, String> localVariables, DynamoDbClient dynamoDb,
                                                  String tableName, Clock clock) {
        Map<String, LocalFunction> functions = new LinkedHashMap<>();
        for (SamFunction function : template.functions()) {
            Map<String, String> variables = new HashMap<>();
            function.environment().forEach((name, value) -> variables.put(name, resolver.resolve(value)));
            variables.putAll(localVariables);
            functions.put(function.logicalId(), LocalFunction.load(function,
                    new FunctionEnvironment(dynamoDb, tableName, clock, variables)));
        }
        return Map.copyOf(functions);
    }
}

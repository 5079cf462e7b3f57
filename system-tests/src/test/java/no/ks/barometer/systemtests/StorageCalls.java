package no.ks.barometer.systemtests;

import no.ks.barometer.testing.DynamoDbLocal;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** A client of the local table that tells every DynamoDB operation a handler calls, as {@code dynamodb:<Name>}. */
final class StorageCalls {

    private StorageCalls() {
    }

    static DynamoDbClient recording(DynamoDbLocal.LocalTable table, Consumer<String> onCall) {
        return client(table, (request, operation) -> onCall.accept("dynamodb:" + operation));
    }

    /**
     * Tells each call as the IAM actions it is authorised as: a transaction as the action of each item in it, since
     * IAM authorises TransactWriteItems item by item.
     */
    static DynamoDbClient recordingIamActions(DynamoDbLocal.LocalTable table, Consumer<String> onAction) {
        return client(table, (request, operation) -> {
            if (request instanceof TransactWriteItemsRequest transaction) {
                transaction.transactItems().forEach(item -> onAction.accept(itemAction(item)));
            } else {
                onAction.accept("dynamodb:" + operation);
            }
        });
    }

    private static DynamoDbClient client(DynamoDbLocal.LocalTable table, BiConsumer<SdkRequest, String> onCall) {
        return DynamoDbClient.builder()
                .endpointOverride(table.endpoint())
                .region(Region.EU_NORTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        onCall.accept(context.request(), attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
                    }
                }))
                .build();
    }

    private static String itemAction(TransactWriteItem item) {
        if (item.update() != null) {
            return "dynamodb:UpdateItem";
        }
        if (item.put() != null) {
            return "dynamodb:PutItem";
        }
        if (item.delete() != null) {
            return "dynamodb:DeleteItem";
        }
        return "dynamodb:ConditionCheckItem";
    }
}

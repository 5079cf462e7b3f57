package no.ks.barometer.systemtests;

import no.ks.barometer.testing.DynamoDbLocal;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.function.Consumer;

/** A client of the local table that tells every DynamoDB operation a handler calls, as {@code dynamodb:<Name>}. */
final class StorageCalls {

    private StorageCalls() {
    }

    static DynamoDbClient recording(DynamoDbLocal.LocalTable table, Consumer<String> onCall) {
        return DynamoDbClient.builder()
                .endpointOverride(table.endpoint())
                .region(Region.EU_NORTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        onCall.accept("dynamodb:" + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
                    }
                }))
                .build();
    }
}

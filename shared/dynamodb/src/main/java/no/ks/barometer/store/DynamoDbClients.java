package no.ks.barometer.store;

import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the DynamoDB client the functions use. The url-connection HTTP client and explicit region and
 * credential providers keep cold starts short: the SDK's default chains probe files and the instance metadata
 * endpoint before they settle.
 */
public final class DynamoDbClients {

    /** Set only outside AWS (the local stack, tests): where DynamoDB Local listens. */
    public static final String ENDPOINT_VARIABLE = "DYNAMODB_ENDPOINT";
    public static final String TABLE_VARIABLE = "TABLE_NAME";

    private DynamoDbClients() {
    }

    public static DynamoDbClient fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static DynamoDbClient fromEnvironment(Map<String, String> environment) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(5))
                        .build())
                .region(Region.of(Optional.ofNullable(environment.get("AWS_REGION")).orElse("eu-north-1")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(Duration.ofSeconds(8))
                        .build());
        Optional.ofNullable(environment.get(ENDPOINT_VARIABLE)).filter(s -> !s.isBlank())
                .map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * Whether a failure came from DynamoDB or the way to it (throttling, timeouts, an unreachable endpoint) rather
     * than from our code: the client is then told to try again.
     */
    public static boolean isDependencyFailure(RuntimeException failure) {
        return failure instanceof SdkException;
    }

    public static String tableName(Map<String, String> environment) {
        String name = environment.get(TABLE_VARIABLE);
        if (name == null || name.isBlank()) {
            throw new IllegalStateException(TABLE_VARIABLE + " is not set: the function does not know its table");
        }
        return name;
    }
}

package no.ks.barometer.store;

import no.ks.barometer.aws.LambdaClients;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.time.Duration;
import java.util.Map;

/**
 * Builds the DynamoDB client the functions use. The url-connection HTTP client and explicit region and
 * credential providers keep cold starts short: the SDK's default chains probe files and the instance metadata
 * endpoint before they settle.
 */
public final class DynamoDbClients {

    /** Set only outside AWS (the local stack, tests): where DynamoDB Local listens. */
    public static final String ENDPOINT_VARIABLE = "DYNAMODB_ENDPOINT";
    public static final String TABLE_VARIABLE = "TABLE_NAME";
    /** A single-item read or write takes milliseconds; an attempt still waiting after this will not come back. */
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(1500);
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(4);

    private DynamoDbClients() {
    }

    public static DynamoDbClient fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static DynamoDbClient fromEnvironment(Map<String, String> environment) {
        return builder(environment).build();
    }

    /**
     * The functions' client, configured but not built, for a caller that adds to it (the fault-injection tests add
     * an interceptor).
     *
     * <p>A call gives up within {@link #CALL_TIMEOUT}: three attempts at most, each cut off after
     * {@link #ATTEMPT_TIMEOUT}, with short back-offs. The SDK's default for DynamoDB, nine attempts with throttling
     * back-offs growing to 20 s, kept a throttled call going for more than 10 s, past the functions' 10 s Timeout in
     * template.yaml: Lambda cut the handler off and the respondent got API Gateway's bare error instead of a 503 with
     * {@code Retry-After}. Bounded, a request whose storage is throttled or unreachable is answered 503 by the handler
     * with time to spare, and the client's retry, which an identical-retry fingerprint makes safe, does the waiting.
     */
    public static DynamoDbClientBuilder builder(Map<String, String> environment) {
        return LambdaClients.configure(DynamoDbClient.builder(), environment, ENDPOINT_VARIABLE,
                        LambdaClients.SOCKET_TIMEOUT)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(retries -> retries.maxAttempts(3)
                                .backoffStrategy(BackoffStrategy.exponentialDelay(
                                        Duration.ofMillis(25), Duration.ofMillis(200)))
                                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(
                                        Duration.ofMillis(100), Duration.ofMillis(500))))
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .apiCallTimeout(CALL_TIMEOUT)
                        .build());
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

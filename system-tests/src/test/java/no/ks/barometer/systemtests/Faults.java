package no.ks.barometer.systemtests;

import no.ks.barometer.store.DynamoDbClients;
import no.ks.barometer.testing.DynamoDbLocal;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Faults injected into the functions' own DynamoDB client (retries and timeouts as in Lambda), on DynamoDB Local.
 * A fault fails the next {@code times} attempts of one operation, either before the request leaves (nothing
 * reaches the table) or after DynamoDB answered (the write happened, the reply is lost on the way back).
 */
final class Faults implements ExecutionInterceptor {

    /** Where in an attempt the fault strikes. */
    enum Moment {
        BEFORE_SENDING, AFTER_DYNAMODB_ANSWERED
    }

    /** What goes wrong. */
    enum Kind {
        THROTTLED(() -> ProvisionedThroughputExceededException.builder()
                .statusCode(400)
                .message("The level of configured provisioned throughput for the table was exceeded.")
                .awsErrorDetails(AwsErrorDetails.builder().serviceName("DynamoDb")
                        .errorCode("ProvisionedThroughputExceededException").build())
                .build()),
        ATTEMPT_TIMED_OUT(() -> ApiCallAttemptTimeoutException.create(1500)),
        CONNECTION_LOST(() -> SdkClientException.create("Unable to execute HTTP request: Read timed out",
                new SocketTimeoutException("Read timed out")));

        private final Supplier<RuntimeException> failure;

        Kind(Supplier<RuntimeException> failure) {
            this.failure = failure;
        }
    }

    private record Fault(String operation, Moment moment, Kind kind, AtomicInteger remaining) {
    }

    private final Map<Moment, Fault> armed = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    /** The client the functions build from their environment, pointed at the table, with these faults in it. */
    DynamoDbClient client(DynamoDbLocal.LocalTable table) {
        DynamoDbClientBuilder builder = DynamoDbClients.builder(table.environment());
        return builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .addExecutionInterceptor(this).build()).build();
    }

    /** Fails the next {@code times} attempts of {@code operation} (e.g. {@code UpdateItem}). */
    void inject(String operation, Moment moment, Kind kind, int times) {
        attempts.clear();
        armed.put(moment, new Fault(operation, moment, kind, new AtomicInteger(times)));
    }

    /** Fails every attempt of {@code operation} until {@link #heal()}. */
    void injectUntilHealed(String operation, Moment moment, Kind kind) {
        inject(operation, moment, kind, Integer.MAX_VALUE);
    }

    void heal() {
        armed.clear();
        attempts.clear();
    }

    /** Attempts of an operation that reached the point of sending since the last fault was injected. */
    int attempts(String operation) {
        return attempts.getOrDefault(operation, new AtomicInteger()).get();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attempts.computeIfAbsent(operation(attributes), o -> new AtomicInteger()).incrementAndGet();
        strike(Moment.BEFORE_SENDING, attributes);
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        strike(Moment.AFTER_DYNAMODB_ANSWERED, attributes);
    }

    private void strike(Moment moment, ExecutionAttributes attributes) {
        Fault fault = armed.get(moment);
        if (fault != null && fault.operation().equals(operation(attributes))
                && fault.remaining().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw fault.kind().failure.get();
        }
    }

    private static String operation(ExecutionAttributes attributes) {
        return attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    }
}

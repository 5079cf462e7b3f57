package no.ks.barometer.store;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamoDbClientsTest {

    @Test
    void unreachableOrThrottledDynamoDbIsADependencyFailure() {
        assertTrue(DynamoDbClients.isDependencyFailure(SdkClientException.create("connection refused")));
        assertTrue(DynamoDbClients.isDependencyFailure(
                ProvisionedThroughputExceededException.builder().message("slow down").build()));
    }

    @Test
    void ourOwnBugIsNotADependencyFailure() {
        assertFalse(DynamoDbClients.isDependencyFailure(new IllegalStateException("broken invariant")));
    }
}

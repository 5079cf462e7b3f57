package no.ks.barometer.functions.savepage;

import no.ks.barometer.testing.DynamoDbLocal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocal.class)
class SavePageHandlerTest {

    @Test
    void primingBeforeASnapshotRunsTheRequestPathAndStoresNothing(DynamoDbLocal.LocalTable table) {
        SavePageHandler handler = new SavePageHandler(table.client(), table.tableName(), Clock.systemUTC());

        handler.beforeCheckpoint(null);
        handler.afterRestore(null);

        assertEquals(0, table.client().scan(ScanRequest.builder().tableName(table.tableName()).build()).count());
    }

    @Test
    void primingAnsweredWithAFailureFailsTheCheckpoint(DynamoDbLocal.LocalTable table) {
        SavePageHandler handler = new SavePageHandler(table.client(), "no-such-table", Clock.systemUTC());

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> handler.beforeCheckpoint(null));

        assertTrue(failure.getMessage().startsWith("A priming request was answered 503"),
                failure.getMessage());
    }
}

package no.ks.barometer.store;

import no.ks.barometer.testing.DynamoDbLocal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(DynamoDbLocal.class)
class DynamoDbLocalStorageContractTest extends StorageContract {

    private static DynamoDbLocal.LocalTable table;

    @BeforeAll
    static void table(DynamoDbLocal.LocalTable localTable) {
        table = localTable;
    }

    @Override
    DynamoDbClient client() {
        return table.client();
    }

    @Override
    String tableName() {
        return table.tableName();
    }
}

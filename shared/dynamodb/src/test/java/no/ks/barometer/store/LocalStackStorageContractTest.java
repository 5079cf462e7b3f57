package no.ks.barometer.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The storage contract on LocalStack, a second DynamoDB emulation. Needs a Docker engine: where there is none
 * (as on the project's build machines) JUnit reports these tests as skipped, never as passed.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackStorageContractTest extends StorageContract {

    static final String IMAGE = "localstack/localstack:4.4";
    private static final String TABLE = "barometer-contract";

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse(IMAGE))
            .withServices(LocalStackContainer.Service.DYNAMODB);

    private static DynamoDbClient client;

    @BeforeAll
    static void createTable() {
        client = DynamoDbClient.builder()
                .endpointOverride(LOCALSTACK.getEndpoint())
                .region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        client.createTable(BarometerTable.createTableRequest(TABLE));
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @Override
    DynamoDbClient client() {
        return client;
    }

    @Override
    String tableName() {
        return TABLE;
    }
}

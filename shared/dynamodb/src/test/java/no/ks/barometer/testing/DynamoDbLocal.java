package no.ks.barometer.testing;

import no.ks.barometer.store.BarometerTable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * JUnit 5 extension: one DynamoDB Local server per test JVM (in memory, on a free loopback port) and a fresh
 * table per test class, created from {@link BarometerTable}, the same definition template.yaml declares.
 * Tests receive a {@link LocalTable} parameter; code under test that builds its own client from the environment
 * gets {@link LocalTable#environment()}.
 */
public final class DynamoDbLocal implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static Server server;

    private record Server(DynamoDBProxyServer proxy, URI endpoint, DynamoDbClient client) {
    }

    private static synchronized Server server() {
        if (server == null) {
            int port = freePort();
            try {
                DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(
                        new String[] {"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
                proxy.start();
                URI endpoint = URI.create("http://127.0.0.1:" + port);
                server = new Server(proxy, endpoint, client(endpoint));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        proxy.stop();
                    } catch (Exception ignored) {
                        // The JVM is exiting; an in-memory database has nothing to flush.
                    }
                }));
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local did not start", e);
            }
        }
        return server;
    }

    public static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_NORTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table of its own for one test class. */
    public record LocalTable(DynamoDbClient client, String tableName, URI endpoint) {
        /** The environment a function would see in AWS, pointed at this table on DynamoDB Local. */
        public Map<String, String> environment() {
            return Map.of(
                    "TABLE_NAME", tableName,
                    "DYNAMODB_ENDPOINT", endpoint.toString(),
                    "AWS_REGION", "eu-north-1",
                    "AWS_ACCESS_KEY_ID", "local",
                    "AWS_SECRET_ACCESS_KEY", "local");
        }
    }

    /** A fresh table on the shared server, for tests that run outside Jupiter's extensions (property tests). */
    public static LocalTable newTable() {
        Server s = server();
        String name = "barometer-test-" + TABLES.incrementAndGet();
        s.client().createTable(BarometerTable.createTableRequest(name));
        return new LocalTable(s.client(), name, s.endpoint());
    }

    public static void drop(LocalTable table) {
        table.client().deleteTable(DeleteTableRequest.builder().tableName(table.tableName()).build());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        store(context).put(LocalTable.class, newTable());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        LocalTable table = store(context).remove(LocalTable.class, LocalTable.class);
        if (table != null) {
            drop(table);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == LocalTable.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return store(extension).get(LocalTable.class, LocalTable.class);
    }

    /** Method contexts see their class context's store, so every test of a class shares its table. */
    private static ExtensionContext.Store store(ExtensionContext context) {
        return context.getStore(ExtensionContext.Namespace.create(DynamoDbLocal.class));
    }
}

package no.ks.barometer.local.dynamodb;

import no.ks.barometer.local.LocalService;
import no.ks.barometer.store.BarometerTable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DynamoDB Local as a server on a free port, in memory or in a folder, with the Barometer table created from
 * {@link BarometerTable} (the definition template.yaml deploys) when it is not there yet.
 */
public final class LocalDynamoDb implements LocalService {

    /** The property sqlite4java reads to find its native library. */
    public static final String NATIVE_LIBRARY_PROPERTY = "sqlite4java.library.path";
    public static final String REGION = "eu-north-1";
    /** DynamoDB Local accepts any credentials; these are what the functions get in their environment. */
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";

    private final Optional<Path> dataDir;
    private final List<Path> nativeLibraryCandidates;
    private final String tableName;
    private DynamoDBProxyServer server;
    private URI endpoint;
    private DynamoDbClient client;

    /**
     * @param nativeLibraryCandidates folders that may hold sqlite4java's native library, tried in order when the
     *                                system property is not set
     */
    public LocalDynamoDb(Optional<Path> dataDir, List<Path> nativeLibraryCandidates, String tableName) {
        this.dataDir = dataDir;
        this.nativeLibraryCandidates = List.copyOf(nativeLibraryCandidates);
        this.tableName = tableName;
    }

    @Override
    public String name() {
        return "DynamoDB Local";
    }

    @Override
    public void start() throws Exception {
        locateNativeLibrary();
        int port = freeLoopbackPort();
        List<String> args = new ArrayList<>();
        if (dataDir.isPresent()) {
            Files.createDirectories(dataDir.get());
            // One database file whatever credentials a client uses, so every tool sees the same data.
            args.addAll(List.of("-dbPath", dataDir.get().toAbsolutePath().toString(), "-sharedDb"));
        } else {
            args.add("-inMemory");
        }
        args.addAll(List.of("-port", Integer.toString(port), "-disableTelemetry"));
        server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + port);
        client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY,
                        SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        createTableIfMissing();
    }

    private void locateNativeLibrary() {
        String configured = System.getProperty(NATIVE_LIBRARY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return;
        }
        Optional<Path> found = nativeLibraryDirectory(nativeLibraryCandidates);
        if (found.isPresent()) {
            System.setProperty(NATIVE_LIBRARY_PROPERTY, found.get().toAbsolutePath().toString());
            return;
        }
        throw new IllegalStateException("Fant ikke sqlite4java sitt native bibliotek (libsqlite4java-*.so), som "
                + "DynamoDB Local trenger. Lette i " + nativeLibraryCandidates + ". Bygg med "
                + "'mvn -B -DskipTests -pl local -am package' (kopierer det til local/target/native-libs), eller "
                + "oppgi mappen med -D" + NATIVE_LIBRARY_PROPERTY + "=MAPPE.");
    }

    /** The first of the folders that holds sqlite4java's native library. */
    static Optional<Path> nativeLibraryDirectory(List<Path> candidates) {
        return candidates.stream().filter(LocalDynamoDb::holdsNativeLibrary).findFirst();
    }

    private static boolean holdsNativeLibrary(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("libsqlite4java"));
        } catch (IOException e) {
            return false;
        }
    }

    private void createTableIfMissing() {
        try {
            client.describeTable(DescribeTableRequest.builder().tableName(tableName).build());
        } catch (ResourceNotFoundException e) {
            client.createTable(BarometerTable.createTableRequest(tableName));
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DynamoDbClient client() {
        return client;
    }

    public URI endpoint() {
        return endpoint;
    }

    public String tableName() {
        return tableName;
    }

    /** What a function sees in AWS, pointed at this DynamoDB Local. */
    public Map<String, String> environment() {
        return Map.of(
                "TABLE_NAME", tableName,
                "DYNAMODB_ENDPOINT", endpoint.toString(),
                "AWS_REGION", REGION,
                "AWS_ACCESS_KEY_ID", ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", SECRET_KEY);
    }

    @Override
    public void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                System.err.println("DynamoDB Local stoppet ikke rent: " + e.getMessage());
            }
        }
    }
}

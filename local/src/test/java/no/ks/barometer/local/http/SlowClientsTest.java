package no.ks.barometer.local.http;

import no.ks.barometer.local.functions.LocalFunction;
import no.ks.barometer.local.functions.LocalFunctions;
import no.ks.barometer.local.schedule.LocalSchedule;
import no.ks.barometer.local.schedule.LocalScheduler;
import no.ks.barometer.local.template.SamTemplate;
import no.ks.barometer.local.template.ValueResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Clients that open a connection and then send too little, too slowly: however many there are, everyone else is
 * still answered, and each is cut off once its request has taken longer than the limits allow.
 */
class SlowClientsTest {

    private static final String TEMPLATE = """
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
              Api:
                Type: AWS::Serverless::HttpApi
              EchoFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: unused.jar
                  Handler: no.ks.barometer.local.http.handlers.EchoHandler::handleRequest
                  Events:
                    GetThing:
                      Type: HttpApi
                      Properties:
                        ApiId: !Ref Api
                        Method: GET
                        Path: /v1/things/{id}
                    PutThing:
                      Type: HttpApi
                      Properties:
                        ApiId: !Ref Api
                        Method: PUT
                        Path: /v1/things/{id}
            """;
    /** Short limits, so that the cut-off is seen within the test's time. */
    private static final ApiServer.Limits LIMITS = new ApiServer.Limits(Duration.ofSeconds(2), Duration.ofSeconds(2));
    /** Far more than the old server's eight threads. */
    private static final int SLOW_CLIENTS = 24;

    @TempDir
    static Path dir;
    private static ApiServer server;
    private static URI base;
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Path web = dir.resolve("web");
        Files.createDirectories(web);
        SamTemplate template = SamTemplate.parse(TEMPLATE);
        Clock clock = Clock.systemUTC();
        Map<String, LocalFunction> functions = LocalFunctions.load(template,
                new ValueResolver(template, Map.of(), "eu-north-1"), Map.of(), null, "local-table", clock);
        server = new ApiServer(0, Router.from(template), functions, new StaticFiles(web), "admin", clock,
                new LocalScheduler(LocalSchedule.allOf(template), functions, clock, System.out), LIMITS);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.port());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @AfterEach
    void closeSockets() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private Socket open(String start) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        sockets.add(socket);
        socket.getOutputStream().write(start.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return socket;
    }

    /** The three ways to stall: a body announced and never sent, headers never ended, a chunk never finished. */
    private static String stall(int kind) {
        return switch (kind % 3) {
            case 0 -> "PUT /v1/things/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{";
            case 1 -> "GET /v1/things/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
            default -> "PUT /v1/things/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"a";
        };
    }

    @Test
    void stalledConnectionsDoNotStopOthersBeingAnswered() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        assertEquals(200, get(client, 0, Duration.ofSeconds(10)).statusCode(), "answered before any stall");
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            open(stall(i));
        }
        long start = System.nanoTime();
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> response = get(client, i, Duration.ofSeconds(1));
            assertEquals(200, response.statusCode(), response.body());
        }
        assertTrue(System.nanoTime() - start < LIMITS.head().toNanos(), "answered while the stalls still held on");
    }

    private static HttpResponse<String> get(HttpClient client, int id, Duration timeout) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve("/v1/things/" + id)).timeout(timeout)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyKindOfStallIsCutOffAfterItsLimit() throws Exception {
        for (int kind = 0; kind < 3; kind++) {
            Socket socket = open(stall(kind));
            assertClosedWithin(socket, Duration.ofSeconds(5), stall(kind));
        }
    }

    @Test
    void clientTricklingItsHeadersIsCutOffAlthoughItIsNeverSilentLong() throws Exception {
        Socket socket = open("GET /v1/things/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                socket.getOutputStream().write("X-A: b\r\n".getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                Thread.sleep(200);
            }
        } catch (IOException closedByTheServer) {
            return;
        }
        fail("a client sending a header every 200 ms was still connected after 6 s");
    }

    @Test
    void clientTricklingItsBodyIsCutOffAlthoughItIsNeverSilentLong() throws Exception {
        Socket socket = open("PUT /v1/things/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1000\r\n\r\n");
        long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                socket.getOutputStream().write(' ');
                socket.getOutputStream().flush();
                Thread.sleep(200);
            }
        } catch (IOException closedByTheServer) {
            return;
        }
        assertClosedWithin(socket, Duration.ofMillis(500), "a body sent one byte every 200 ms");
    }

    /** The server closes the connection in time; whatever it answered first, it answered no success. */
    private static void assertClosedWithin(Socket socket, Duration limit, String what) throws IOException {
        socket.setSoTimeout((int) limit.toMillis());
        InputStream in = socket.getInputStream();
        StringBuilder answer = new StringBuilder();
        try {
            int read;
            while ((read = in.read()) != -1) {
                answer.append((char) read);
            }
        } catch (SocketTimeoutException e) {
            fail("still open after " + limit + ": " + what);
        } catch (IOException reset) {
            return;
        }
        assertTrue(answer.isEmpty() || answer.toString().startsWith("HTTP/1.1 4"), what + " answered " + answer);
    }
}

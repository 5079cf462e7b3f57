package no.ks.barometer.functions.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Lambda and EventBridge Scheduler on loopback for the admin API's real SDK clients: Invoke answers 202,
 * CreateSchedule answers with an ARN, and every request is recorded.
 */
public final class RecordingAws implements AutoCloseable {

    record Call(String path, String invocationType, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    public RecordingAws() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                calls.add(new Call(path, exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"),
                        JSON.readTree(exchange.getRequestBody())));
                if (path.startsWith("/lambda/")) {
                    exchange.sendResponseHeaders(202, -1);
                    return;
                }
                byte[] body = "{\"ScheduleArn\":\"arn:aws:scheduler:eu-north-1:123456789012:schedule/g/s\"}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    /** The admin function's environment in AWS, with the endpoints pointing here and the link key in a file. */
    public Map<String, String> environment(Path linkKeyFile) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("AWS_REGION", "eu-north-1", "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local",
                "LINK_KEY_FILE", linkKeyFile.toString(),
                "MAILER_FUNCTION_ARN", "arn:aws:lambda:eu-north-1:123456789012:function:barometer-mailer:live",
                "MAILER_SCHEDULE_GROUP", "barometer-test-mailings",
                "MAILER_SCHEDULE_ROLE_ARN", "arn:aws:iam::123456789012:role/barometer-mailer-schedule",
                "LAMBDA_ENDPOINT", base + "/lambda", "SCHEDULER_ENDPOINT", base + "/scheduler");
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

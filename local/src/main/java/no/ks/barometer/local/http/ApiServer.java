package no.ks.barometer.local.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import no.ks.barometer.local.LocalService;
import no.ks.barometer.local.functions.LocalFunction;
import no.ks.barometer.local.schedule.LocalScheduler;
import no.ks.barometer.local.template.RouteAuth;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side of the local stack on 127.0.0.1: the template's routes, each invoking its function with the event
 * API Gateway would send, the web app's files everywhere the API does not live, and, for the admin token only,
 * {@code POST /local/schedules/{name}/run}, which runs a schedule of the template at once.
 */
public final class ApiServer implements LocalService {

    /** API Gateway's limit on a request body (HTTP API: 10 MB). */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final int THREADS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The local stack's own endpoints live here, outside every path the template or the web app uses. */
    static final String SCHEDULES_PREFIX = "/local/schedules/";
    private static final String RUN_SUFFIX = "/run";

    private final int requestedPort;
    private final Router router;
    private final Map<String, LocalFunction> functions;
    private final StaticFiles staticFiles;
    private final String adminToken;
    private final Clock clock;
    private final LocalScheduler scheduler;
    private HttpServer server;
    private ExecutorService executor;

    /**
     * @param functions  by logical id, one for every function a route names
     * @param adminToken what {@code Authorization: Bearer} must carry on routes the template protects with IAM
     * @param scheduler  runs the template's schedules on request
     */
    public ApiServer(int port, Router router, Map<String, LocalFunction> functions, StaticFiles staticFiles,
                     String adminToken, Clock clock, LocalScheduler scheduler) {
        this.requestedPort = port;
        this.router = router;
        this.functions = Map.copyOf(functions);
        this.staticFiles = staticFiles;
        this.adminToken = adminToken;
        this.clock = clock;
        this.scheduler = scheduler;
        for (Router.Route route : router.routes()) {
            if (!functions.containsKey(route.function().logicalId())) {
                throw new IllegalArgumentException("No function loaded for " + route.event().routeKey());
            }
        }
    }

    @Override
    public String name() {
        return "HTTP-tjeneren";
    }

    @Override
    public void start() throws IOException {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 64);
        } catch (BindException e) {
            throw new IOException("porten " + requestedPort + " på 127.0.0.1 er i bruk; velg en annen med --port N"
                    + " (0 velger en ledig)", e);
        }
        executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "barometer-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The port it listens on, once started. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(1);
        }
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void handle(HttpExchange exchange) {
        try {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith(SCHEDULES_PREFIX)) {
                runSchedule(exchange, method, path);
                return;
            }
            switch (router.find(method, path)) {
                case Router.Found found -> invoke(exchange, found);
                case Router.MethodNotAllowed notAllowed -> {
                    exchange.getResponseHeaders().add("Allow", String.join(", ", notAllowed.allowed()));
                    problem(exchange, 405, "method-not-allowed", "Metoden er ikke tillatt",
                            method + " støttes ikke for " + path + ".");
                }
                case Router.NotFound ignored -> {
                    if (router.isApiPath(path)) {
                        problem(exchange, 404, "route-not-found", "Fant ikke ressursen",
                                "API-et har ingen rute for " + method + " " + path + ".");
                    } else {
                        serveFile(exchange, method, path);
                    }
                }
            }
        } catch (Exception e) {
            System.err.println("Uventet feil for " + exchange.getRequestMethod() + " " + exchange.getRequestURI());
            e.printStackTrace();
            answerFailure(exchange);
        } finally {
            exchange.close();
        }
    }

    /** Tells the client the request failed, unless the answer had already begun. */
    private static void answerFailure(HttpExchange exchange) {
        if (exchange.getResponseCode() != -1) {
            return;
        }
        try {
            gatewayMessage(exchange, 500, "Internal Server Error", UUID.randomUUID().toString());
        } catch (IOException e) {
            System.err.println("Kunne ikke svare på " + exchange.getRequestURI() + ": " + e.getMessage());
        }
    }

    private void invoke(HttpExchange exchange, Router.Found found) throws IOException {
        String requestId = UUID.randomUUID().toString();
        if (found.route().event().auth() == RouteAuth.IAM && !carriesAdminToken(exchange)) {
            // What API Gateway answers a request without a valid IAM signature.
            gatewayMessage(exchange, 403, "Forbidden", requestId);
            return;
        }
        byte[] body = readBody(exchange);
        if (body == null) {
            gatewayMessage(exchange, 413, "Request Entity Too Large", requestId);
            return;
        }
        HttpApiEvents.Request request = new HttpApiEvents.Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders(),
                body,
                exchange.getRemoteAddress().getAddress().getHostAddress(),
                "127.0.0.1:" + port());
        APIGatewayV2HTTPEvent event = HttpApiEvents.toEvent(request, found, requestId, clock.instant());
        LocalFunction function = functions.get(found.route().function().logicalId());
        Optional<APIGatewayV2HTTPResponse> result;
        try {
            result = function.isStreamHandler()
                    ? HttpApiEvents.fromJson(function.invokeWithJson(HttpApiEvents.toJson(event)))
                    : Optional.ofNullable(function.invoke(event, APIGatewayV2HTTPEvent.class,
                            APIGatewayV2HTTPResponse.class));
        } catch (LocalFunction.InvocationFailedException e) {
            System.err.println(found.route().event().routeKey() + ": " + e.getMessage());
            e.getCause().printStackTrace();
            gatewayMessage(exchange, 500, "Internal Server Error", requestId);
            return;
        }
        if (result.isEmpty()) {
            System.err.println(found.route().event().routeKey() + ": the function's answer is not a response"
                    + " API Gateway can read");
            gatewayMessage(exchange, 500, "Internal Server Error", requestId);
            return;
        }
        write(exchange, HttpApiEvents.toResponse(result.get(), requestId));
    }

    private void runSchedule(HttpExchange exchange, String method, String path) throws IOException {
        String rest = path.substring(SCHEDULES_PREFIX.length());
        String name = rest.endsWith(RUN_SUFFIX) ? rest.substring(0, rest.length() - RUN_SUFFIX.length()) : "";
        if (name.isEmpty() || name.contains("/")) {
            problem(exchange, 404, "route-not-found", "Fant ikke ressursen",
                    "Tidsplaner kjøres med POST " + SCHEDULES_PREFIX + "{navn}" + RUN_SUFFIX + ".");
            return;
        }
        if (!method.equals("POST")) {
            exchange.getResponseHeaders().add("Allow", "POST");
            problem(exchange, 405, "method-not-allowed", "Metoden er ikke tillatt",
                    method + " støttes ikke for " + path + ".");
            return;
        }
        if (!carriesAdminToken(exchange)) {
            gatewayMessage(exchange, 403, "Forbidden", UUID.randomUUID().toString());
            return;
        }
        var run = scheduler.run(name);
        if (run.isEmpty()) {
            problem(exchange, 404, "schedule-not-found", "Fant ikke tidsplanen",
                    "Malen har ingen tidsplan som heter " + name + ".");
            return;
        }
        switch (run.get().result()) {
            case LocalScheduler.Failed failed -> problem(exchange, 500, "function-failed", "Funksjonen feilet",
                    failed.message());
            case LocalScheduler.Succeeded succeeded -> {
                ObjectNode body = JSON.createObjectNode()
                        .put("schedule", run.get().schedule().name())
                        .put("function", run.get().schedule().function())
                        .put("time", run.get().time().toString());
                body.set("event", JSON.readTree(run.get().event()));
                body.set("output", jsonOrText(succeeded.output()));
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                send(exchange, 200, JSON.writeValueAsBytes(body));
            }
        }
    }

    /** A function's answer as JSON when it is JSON, else as text. */
    private static JsonNode jsonOrText(String output) {
        try {
            return JSON.readTree(output);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(output);
        }
    }

    private boolean carriesAdminToken(HttpExchange exchange) {
        List<String> values = exchange.getRequestHeaders().get("Authorization");
        if (values == null || values.size() != 1) {
            return false;
        }
        byte[] presented = values.getFirst().getBytes(StandardCharsets.UTF_8);
        byte[] expected = ("Bearer " + adminToken).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, expected);
    }

    /** The body, or null when it is larger than API Gateway accepts. */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }

    private void serveFile(HttpExchange exchange, String method, String path) throws IOException {
        var file = staticFiles.find(path);
        if (file.isEmpty()) {
            problem(exchange, 404, "not-found", "Fant ikke siden", "Det finnes ingen fil for " + path + ".");
            return;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().add("Allow", "GET, HEAD");
            problem(exchange, 405, "method-not-allowed", "Metoden er ikke tillatt",
                    method + " støttes ikke for filer.");
            return;
        }
        byte[] content = Files.readAllBytes(file.get().path());
        file.get().headers().forEach(header -> exchange.getResponseHeaders().add(header.name(), header.value()));
        if (method.equals("HEAD")) {
            exchange.getResponseHeaders().add("Content-Length", Integer.toString(content.length));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        send(exchange, 200, content);
    }

    private static void write(HttpExchange exchange, HttpApiEvents.Response response) throws IOException {
        response.headers().forEach(header -> exchange.getResponseHeaders().add(header.name(), header.value()));
        boolean noBody = response.status() == 204 || response.status() == 304
                || exchange.getRequestMethod().equals("HEAD");
        if (noBody) {
            exchange.sendResponseHeaders(response.status(), -1);
        } else {
            send(exchange, response.status(), response.body());
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    /** API Gateway's own answer, in its own form. */
    private static void gatewayMessage(HttpExchange exchange, int status, String message, String requestId)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Apigw-Requestid", requestId);
        send(exchange, status, JSON.writeValueAsBytes(Map.of("message", message)));
    }

    private static void problem(HttpExchange exchange, int status, String type, String title, String detail)
            throws IOException {
        ObjectNode body = JSON.createObjectNode()
                .put("type", Problems.type(type))
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
        exchange.getResponseHeaders().add("Cache-Control", "no-cache");
        send(exchange, status, JSON.writeValueAsBytes(body));
    }
}

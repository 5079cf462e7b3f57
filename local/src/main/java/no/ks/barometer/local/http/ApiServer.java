package no.ks.barometer.local.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.ks.barometer.http.Replies;
import no.ks.barometer.local.LocalService;
import no.ks.barometer.local.functions.LocalFunction;
import no.ks.barometer.local.schedule.LocalScheduler;
import no.ks.barometer.local.template.RouteAuth;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * The HTTP side of the local stack on 127.0.0.1: the template's routes, each invoking its function with the event
 * API Gateway would send, the web app's files everywhere the API does not live, and, for the admin token only,
 * {@code POST /local/schedules/{name}/run}, which runs a schedule of the template at once.
 *
 * <p>Every request runs on a virtual thread of its own and a client gets bounded time for its request's head and
 * body ({@link Limits}), so no number of slow clients keeps the others from being answered. Every answer the stack
 * gives itself, down to a request it cannot read as HTTP, is a problem or API Gateway message in JSON with the API's
 * security headers.
 */
public final class ApiServer implements LocalService {

    /** API Gateway's limit on a request body (HTTP API: 10 MB). */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** API Gateway's limit on the request line and headers together (HTTP API: 10 240 bytes). */
    static final int MAX_HEAD_BYTES = 10 * 1024;
    /**
     * A connection silent this long is closed whatever its phase; {@link Limits} cut the head and body far sooner,
     * so this only ends a function's answer that the client stopped reading.
     */
    private static final Duration IDLE = Duration.ofMinutes(2);
    /**
     * Functions running at once. In AWS each invocation has a sandbox of its own; here every function shares one
     * DynamoDB Local, which refuses connections once a few hundred calls arrive together. The requests beyond this
     * wait their turn on their virtual threads, in order.
     */
    static final int CONCURRENT_INVOCATIONS = 16;
    /** Connections the operating system may hold for the server before it accepts them: every organisation at once. */
    private static final int ACCEPT_QUEUE = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The local stack's own endpoints live here, outside every path the template or the web app uses. */
    static final String SCHEDULES_PREFIX = "/local/schedules/";
    private static final String RUN_SUFFIX = "/run";

    /**
     * How long a client may take over a request.
     *
     * @param head from the connection's opening, or the end of its previous answer, to the end of the request's head
     * @param body from the end of the head to the body's last byte
     */
    public record Limits(Duration head, Duration body) {

        /** Ten seconds for a head of at most 10 KB, thirty for a body: far more than any honest client needs. */
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    private final int requestedPort;
    private final Router router;
    private final Map<String, LocalFunction> functions;
    private final StaticFiles staticFiles;
    private final Optional<StaticFiles> publishedResults;
    private final String adminToken;
    private final Clock clock;
    private final LocalScheduler scheduler;
    private final Limits limits;
    private final Semaphore invocations = new Semaphore(CONCURRENT_INVOCATIONS, true);
    private Server server;
    private ServerConnector connector;
    private Deadlines deadlines;

    /**
     * @param functions  by logical id, one for every function a route names
     * @param adminToken what {@code Authorization: Bearer} must carry on routes the template protects with IAM
     * @param scheduler  runs the template's schedules on request
     */
    public ApiServer(int port, Router router, Map<String, LocalFunction> functions, StaticFiles staticFiles,
                     String adminToken, Clock clock, LocalScheduler scheduler, Limits limits) {
        this(port, router, functions, staticFiles, Optional.empty(), adminToken, clock, scheduler, limits);
    }

    /**
     * @param publishedResults the published snapshots, served where CloudFront serves them
     *                         ({@code /results/data/<surveyId>/latest.json}) when the web app has no such file
     */
    public ApiServer(int port, Router router, Map<String, LocalFunction> functions, StaticFiles staticFiles,
                     Optional<StaticFiles> publishedResults, String adminToken, Clock clock,
                     LocalScheduler scheduler, Limits limits) {
        this.requestedPort = port;
        this.router = router;
        this.functions = Map.copyOf(functions);
        this.staticFiles = staticFiles;
        this.publishedResults = publishedResults;
        this.adminToken = adminToken;
        this.clock = clock;
        this.scheduler = scheduler;
        this.limits = limits;
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
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("barometer-http");
        threads.setDaemon(true);
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(MAX_HEAD_BYTES);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        connector.setPort(requestedPort);
        connector.setIdleTimeout(IDLE.toMillis());
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        deadlines = new Deadlines(limits);
        connector.addEventListener(deadlines);
        server.addConnector(connector);
        server.setHandler(new Dispatch());
        server.setErrorHandler(new Refusals());
        try {
            server.start();
        } catch (Exception e) {
            stop();
            if (causedBy(e, BindException.class)) {
                throw new IOException("porten " + requestedPort + " på 127.0.0.1 er i bruk; velg en annen med"
                        + " --port N (0 velger en ledig)", e);
            }
            throw e instanceof IOException io ? io : new IOException("HTTP-tjeneren startet ikke", e);
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The port it listens on, once started. */
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                System.err.println("HTTP-tjeneren stoppet ikke rent: " + e);
            }
        }
        if (deadlines != null) {
            deadlines.stop();
        }
    }

    /** Every request that arrived as HTTP: answered on its own virtual thread. */
    private final class Dispatch extends Handler.Abstract {

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Connection connection = request.getConnectionMetaData().getConnection();
            HttpApiEvents.Response answer;
            try {
                answer = answer(request, connection);
            } catch (IOException e) {
                // The client went away or was cut off while sending: there is no one left to answer.
                callback.failed(e);
                return true;
            } catch (RuntimeException e) {
                System.err.println("Uventet feil for " + request.getMethod() + " " + request.getHttpURI());
                e.printStackTrace();
                answer = Problems.gatewayMessage(500, "Internal Server Error", UUID.randomUUID().toString());
            }
            write(request, response, answer, Callback.from(callback, () -> deadlines.answered(connection)));
            return true;
        }
    }

    /** Requests the server cannot read as HTTP, answered before any route. */
    private static final class Refusals extends ErrorHandler {

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            ApiServer.write(request, response, Problems.refusal(response.getStatus()), callback);
            return true;
        }
    }

    private HttpApiEvents.Response answer(Request request, Connection connection) throws IOException {
        String method = request.getMethod();
        String path = request.getHttpURI().getDecodedPath();
        deadlines.working(connection);
        if (path.startsWith(SCHEDULES_PREFIX)) {
            return runSchedule(request, method, path);
        }
        return switch (router.find(method, path)) {
            case Router.Found found -> invoke(request, connection, found);
            case Router.MethodNotAllowed notAllowed -> Problems.problem(405, "method-not-allowed",
                    "Metoden er ikke tillatt", method + " støttes ikke for " + path + ".",
                    new HttpApiEvents.Header("Allow", String.join(", ", notAllowed.allowed())));
            case Router.NotFound ignored -> router.isApiPath(path)
                    ? Problems.problem(404, "route-not-found", "Fant ikke ressursen",
                            "API-et har ingen rute for " + method + " " + path + ".")
                    : serveFile(method, path);
        };
    }

    private HttpApiEvents.Response invoke(Request request, Connection connection, Router.Found found)
            throws IOException {
        String requestId = UUID.randomUUID().toString();
        if (found.route().event().auth() == RouteAuth.IAM && !carriesAdminToken(request)) {
            // What API Gateway answers a request without a valid IAM signature.
            return Problems.gatewayMessage(403, "Forbidden", requestId);
        }
        deadlines.readingBody(connection);
        Optional<byte[]> body = readBody(request);
        deadlines.working(connection);
        if (body.isEmpty()) {
            return Problems.gatewayMessage(413, "Request Entity Too Large", requestId);
        }
        HttpApiEvents.Request received = new HttpApiEvents.Request(
                request.getMethod(),
                request.getHttpURI().getDecodedPath(),
                request.getHttpURI().getQuery(),
                headers(request),
                body.get(),
                Request.getRemoteAddr(request),
                "127.0.0.1:" + port());
        APIGatewayV2HTTPEvent event = HttpApiEvents.toEvent(received, found, requestId, clock.instant());
        LocalFunction function = functions.get(found.route().function().logicalId());
        Optional<APIGatewayV2HTTPResponse> result;
        invocations.acquireUninterruptibly();
        try {
            result = function.isStreamHandler()
                    ? HttpApiEvents.fromJson(function.invokeWithJson(HttpApiEvents.toJson(event)))
                    : Optional.ofNullable(function.invoke(event, APIGatewayV2HTTPEvent.class,
                            APIGatewayV2HTTPResponse.class));
        } catch (LocalFunction.InvocationFailedException e) {
            System.err.println(found.route().event().routeKey() + ": " + e.getMessage());
            e.getCause().printStackTrace();
            return Problems.gatewayMessage(500, "Internal Server Error", requestId);
        } finally {
            invocations.release();
        }
        if (result.isEmpty()) {
            System.err.println(found.route().event().routeKey() + ": the function's answer is not a response"
                    + " API Gateway can read");
            return Problems.gatewayMessage(500, "Internal Server Error", requestId);
        }
        try {
            return HttpApiEvents.toResponse(result.get(), requestId);
        } catch (IllegalArgumentException notBase64) {
            System.err.println(found.route().event().routeKey() + ": the function's body is marked base64 but is"
                    + " not");
            return Problems.gatewayMessage(500, "Internal Server Error", requestId);
        }
    }

    private static Map<String, List<String>> headers(Request request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), ignored -> new ArrayList<>()).add(field.getValue());
        }
        return headers;
    }

    private HttpApiEvents.Response runSchedule(Request request, String method, String path) {
        String rest = path.substring(SCHEDULES_PREFIX.length());
        String name = rest.endsWith(RUN_SUFFIX) ? rest.substring(0, rest.length() - RUN_SUFFIX.length()) : "";
        if (name.isEmpty() || name.contains("/")) {
            return Problems.problem(404, "route-not-found", "Fant ikke ressursen",
                    "Tidsplaner kjøres med POST " + SCHEDULES_PREFIX + "{navn}" + RUN_SUFFIX + ".");
        }
        if (!method.equals("POST")) {
            return Problems.problem(405, "method-not-allowed", "Metoden er ikke tillatt",
                    method + " støttes ikke for " + path + ".", new HttpApiEvents.Header("Allow", "POST"));
        }
        if (!carriesAdminToken(request)) {
            return Problems.gatewayMessage(403, "Forbidden", UUID.randomUUID().toString());
        }
        var run = scheduler.run(name);
        if (run.isEmpty()) {
            return Problems.problem(404, "schedule-not-found", "Fant ikke tidsplanen",
                    "Malen har ingen tidsplan som heter " + name + ".");
        }
        return switch (run.get().result()) {
            case LocalScheduler.Failed failed -> Problems.problem(500, "function-failed", "Funksjonen feilet",
                    failed.message());
            case LocalScheduler.Succeeded succeeded -> {
                ObjectNode body = JSON.createObjectNode()
                        .put("schedule", run.get().schedule().name())
                        .put("function", run.get().schedule().function())
                        .put("time", run.get().time().toString());
                body.set("event", jsonOrText(run.get().event()));
                body.set("output", jsonOrText(succeeded.output()));
                yield new HttpApiEvents.Response(200, List.of(new HttpApiEvents.Header("Content-Type",
                        Replies.JSON)), body.toString().getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    /** A function's answer as JSON when it is JSON, else as text. */
    private static JsonNode jsonOrText(String output) {
        try {
            return JSON.readTree(output);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(output);
        }
    }

    private boolean carriesAdminToken(Request request) {
        List<String> values = request.getHeaders().getValuesList("Authorization");
        if (values.size() != 1) {
            return false;
        }
        byte[] presented = values.getFirst().getBytes(StandardCharsets.UTF_8);
        byte[] expected = ("Bearer " + adminToken).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, expected);
    }

    /**
     * The body, or empty when it is larger than API Gateway accepts: refused on its announced length before a byte
     * of it is read, and a body without one is read no further than the limit.
     */
    private static Optional<byte[]> readBody(Request request) throws IOException {
        if (request.getLength() > MAX_BODY_BYTES) {
            return Optional.empty();
        }
        try (InputStream in = Request.asInputStream(request)) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? Optional.empty() : Optional.of(body);
        }
    }

    private HttpApiEvents.Response serveFile(String method, String path) throws IOException {
        var file = staticFiles.find(path).or(() -> publishedResults.flatMap(results -> results.find(path)));
        if (file.isEmpty()) {
            return Problems.problem(404, "not-found", "Fant ikke siden", "Det finnes ingen fil for " + path + ".");
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Problems.problem(405, "method-not-allowed", "Metoden er ikke tillatt",
                    method + " støttes ikke for filer.", new HttpApiEvents.Header("Allow", "GET, HEAD"));
        }
        return new HttpApiEvents.Response(200, file.get().headers(), Files.readAllBytes(file.get().path()));
    }

    private static void write(Request request, Response response, HttpApiEvents.Response answer,
                              Callback callback) {
        response.setStatus(answer.status());
        answer.headers().forEach(header -> response.getHeaders().add(header.name(), header.value()));
        boolean noBody = answer.status() == 204 || answer.status() == 304;
        if (noBody) {
            response.write(true, null, callback);
        } else if (request.getMethod().equals("HEAD")) {
            response.getHeaders().put("Content-Length", answer.body().length);
            response.write(true, null, callback);
        } else {
            response.getHeaders().put("Content-Length", answer.body().length);
            response.write(true, ByteBuffer.wrap(answer.body()), callback);
        }
    }
}

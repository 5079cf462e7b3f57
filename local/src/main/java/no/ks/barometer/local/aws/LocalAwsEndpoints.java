package no.ks.barometer.local.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import no.ks.barometer.local.LocalService;
import no.ks.barometer.local.functions.LocalFunction;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two AWS calls the administrator's API makes to set the mailer going, answered here on loopback so the
 * function uses its real SDK clients: Lambda's {@code Invoke} (an {@code Event} invocation runs the function on a
 * thread of its own and is answered 202 at once) and EventBridge Scheduler's {@code CreateSchedule} for one-time
 * {@code at(…)} schedules, which invoke their target function with their input when the time comes. An
 * asynchronous invocation that fails is tried twice more, as Lambda does (AWS Lambda Developer Guide, "Asynchronous
 * invocation": one minute before the second attempt, two before the third), then given up and reported. Schedules
 * live as long as the stack.
 */
public final class LocalAwsEndpoints implements LocalService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INVOKE = Pattern.compile("/lambda/2015-03-31/functions/([^/]+)/invocations");
    private static final Pattern CREATE_SCHEDULE = Pattern.compile("/scheduler/schedules/([^/]+)");
    private static final Pattern AT = Pattern.compile("at\\((.+)\\)");

    /** A one-time schedule as CreateSchedule recorded it. */
    public record OneTimeSchedule(String name, Instant at, String function, String input) {
    }

    /** Lambda's waits before the second and the third attempt of an asynchronous invocation. */
    public static final List<Duration> LAMBDA_RETRY_DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2));

    private final Clock clock;
    private final PrintStream out;
    private final List<Duration> retryDelays;
    private final Map<String, OneTimeSchedule> schedules = new ConcurrentHashMap<>();
    private volatile Map<String, LocalFunction> functions = Map.of();
    private HttpServer server;
    private ExecutorService invocations;
    private ScheduledExecutorService timer;

    public LocalAwsEndpoints(Clock clock, PrintStream out) {
        this(clock, out, LAMBDA_RETRY_DELAYS);
    }

    /** With other waits between attempts, for tests that cannot wait minutes. */
    public LocalAwsEndpoints(Clock clock, PrintStream out, List<Duration> retryDelays) {
        this.clock = clock;
        this.out = out;
        this.retryDelays = List.copyOf(retryDelays);
    }

    @Override
    public String name() {
        return "Lambda- og Scheduler-endepunktene";
    }

    @Override
    public void start() throws IOException {
        invocations = Executors.newVirtualThreadPerTaskExecutor();
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "barometer-one-time-schedules");
            thread.setDaemon(true);
            return thread;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The functions the calls may name, by logical id (which is also their local name); given once they are loaded. */
    public void serve(Map<String, LocalFunction> loaded) {
        this.functions = Map.copyOf(loaded);
    }

    /** What a function's SDK clients get as endpoints, by the variables that name them. */
    public Map<String, String> environment(String lambdaVariable, String schedulerVariable) {
        return Map.of(lambdaVariable, base() + "/lambda", schedulerVariable, base() + "/scheduler");
    }

    public List<OneTimeSchedule> schedules() {
        return List.copyOf(schedules.values());
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Matcher invoke = INVOKE.matcher(path);
            Matcher schedule = CREATE_SCHEDULE.matcher(path);
            if ("POST".equals(exchange.getRequestMethod()) && invoke.matches()) {
                invoke(exchange, functionName(invoke.group(1)), body);
            } else if ("POST".equals(exchange.getRequestMethod()) && schedule.matches()) {
                createSchedule(exchange, schedule.group(1), body);
            } else {
                error(exchange, 404, "UnknownOperationException", "Not served locally: " + path);
            }
        }
    }

    private void invoke(HttpExchange exchange, String name, byte[] event) throws IOException {
        LocalFunction function = functions.get(name);
        if (function == null) {
            error(exchange, 404, "ResourceNotFoundException", "Function not found: " + name);
            return;
        }
        if (!"Event".equals(exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"))) {
            error(exchange, 400, "InvalidParameterValueException", "Only Event invocations are served locally");
            return;
        }
        invocations.submit(() -> runAsynchronously(name, function, event, "asynkront kall", 0));
        exchange.sendResponseHeaders(202, -1);
    }

    private void createSchedule(HttpExchange exchange, String name, byte[] body) throws IOException {
        JsonNode request = JSON.readTree(body);
        Matcher at = AT.matcher(request.path("ScheduleExpression").asText());
        if (!at.matches()) {
            error(exchange, 400, "ValidationException", "Only one-time at(...) schedules are served locally");
            return;
        }
        Instant when;
        try {
            when = LocalDateTime.parse(at.group(1))
                    .atZone(ZoneId.of(request.path("ScheduleExpressionTimezone").asText("UTC"))).toInstant();
        } catch (DateTimeParseException e) {
            error(exchange, 400, "ValidationException", "Invalid at(...) expression: " + at.group(1));
            return;
        }
        String function = functionName(request.path("Target").path("Arn").asText());
        if (!functions.containsKey(function)) {
            error(exchange, 400, "ValidationException", "Target function not found: " + function);
            return;
        }
        OneTimeSchedule schedule = new OneTimeSchedule(name, when, function,
                request.path("Target").path("Input").asText("{}"));
        if (schedules.putIfAbsent(name, schedule) != null) {
            error(exchange, 409, "ConflictException", "Schedule " + name + " already exists");
            return;
        }
        long delay = Math.max(0, Duration.between(clock.instant(), when).toMillis());
        timer.schedule(() -> invocations.submit(() -> {
            schedules.remove(name);
            runAsynchronously(function, functions.get(function),
                    schedule.input().getBytes(StandardCharsets.UTF_8), "tidsplan " + name, 0);
        }), delay, TimeUnit.MILLISECONDS);
        out.println("Tidsplan " + name + " lagt inn: " + function + " kjører " + when + ".");
        reply(exchange, 200, JSON.createObjectNode().put("ScheduleArn",
                "arn:aws:scheduler:eu-north-1:000000000000:schedule/local/" + name).toString());
    }

    /** Runs an asynchronous invocation; {@code retried} is how many attempts failed before this one. */
    private void runAsynchronously(String name, LocalFunction function, byte[] event, String how, int retried) {
        int attempt = retried + 1;
        int attempts = retryDelays.size() + 1;
        try {
            String output = new String(function.invokeWithJson(event), StandardCharsets.UTF_8);
            out.println(name + " kjørte (" + how + ", forsøk " + attempt + " av " + attempts + "): " + output);
        } catch (RuntimeException e) {
            e.printStackTrace();
            if (retried == retryDelays.size()) {
                out.println(name + " feilet (" + how + ") i alle " + attempts + " forsøk, og gis opp: "
                        + e.getMessage());
                return;
            }
            Duration delay = retryDelays.get(retried);
            out.println(name + " feilet (" + how + ", forsøk " + attempt + " av " + attempts + "): " + e.getMessage()
                    + "; prøver igjen om " + delay.toSeconds() + " s.");
            timer.schedule(() -> invocations.submit(
                            () -> runAsynchronously(name, function, event, how, attempt)),
                    delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A function's name or ARN, with or without a qualifier, to its local name. */
    private static String functionName(String nameOrArn) {
        String decoded = URLDecoder.decode(nameOrArn, StandardCharsets.UTF_8);
        int function = decoded.indexOf(":function:");
        if (function < 0) {
            return decoded;
        }
        String rest = decoded.substring(function + ":function:".length());
        int qualifier = rest.indexOf(':');
        return qualifier < 0 ? rest : rest.substring(0, qualifier);
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
        reply(exchange, status, JSON.createObjectNode().put("message", message).toString());
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        if (invocations != null) {
            invocations.shutdownNow();
            try {
                invocations.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

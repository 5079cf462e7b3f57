package no.ks.barometer.local.aws;

import com.amazonaws.services.lambda.runtime.Context;
import no.ks.barometer.local.functions.FunctionEnvironment;
import no.ks.barometer.local.functions.LocalFunction;
import no.ks.barometer.local.template.HandlerRef;
import no.ks.barometer.local.template.SamFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lambda's asynchronous invocation as the local stack serves it: 202 at once, then up to three attempts. */
class LocalAwsEndpointsTest {

    private static final List<Duration> DELAYS = List.of(Duration.ofMillis(300), Duration.ofMillis(600));

    /** Fails its first {@link #failures} invocations; records when each began. */
    public static final class Flaky {
        static final List<Long> STARTED = new CopyOnWriteArrayList<>();
        static volatile int failures;

        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            STARTED.add(System.nanoTime());
            if (STARTED.size() <= failures) {
                throw new IllegalStateException("attempt " + STARTED.size() + " fails");
            }
            output.write(("{\"attempt\":" + STARTED.size() + "}").getBytes(StandardCharsets.UTF_8));
        }
    }

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private LocalAwsEndpoints endpoints;

    @BeforeEach
    void start() throws IOException {
        Flaky.STARTED.clear();
        endpoints = new LocalAwsEndpoints(Clock.systemUTC(), new PrintStream(log, true, StandardCharsets.UTF_8),
                DELAYS);
        endpoints.start();
        SamFunction definition = new SamFunction("FlakyFunction", "local", new HandlerRef(Flaky.class.getName(),
                "handleRequest"), Map.of(), 10, 512, List.of());
        endpoints.serve(Map.of("FlakyFunction", LocalFunction.load(definition,
                new FunctionEnvironment(null, "table", Clock.systemUTC(), Map.of()))));
    }

    @AfterEach
    void stop() {
        endpoints.stop();
    }

    @Test
    void anInvocationThatFailsIsTriedAgainAfterLambdasWaitsUntilItSucceeds() throws Exception {
        Flaky.failures = 2;
        assertEquals(202, invokeAsynchronously());
        awaitAttempts(3);
        assertWaitedAtLeast(DELAYS);
        assertTrue(log().contains("FlakyFunction kjørte (asynkront kall, forsøk 3 av 3): {\"attempt\":3}"), log());
    }

    @Test
    void anInvocationThatFailsThreeTimesIsGivenUpAndReported() throws Exception {
        Flaky.failures = Integer.MAX_VALUE;
        assertEquals(202, invokeAsynchronously());
        awaitAttempts(3);
        Thread.sleep(DELAYS.getLast().toMillis() * 3);
        assertEquals(3, Flaky.STARTED.size(), "no fourth attempt");
        assertWaitedAtLeast(DELAYS);
        assertTrue(log().contains("FlakyFunction feilet (asynkront kall) i alle 3 forsøk, og gis opp"), log());
    }

    @Test
    void anInvocationThatSucceedsRunsOnce() throws Exception {
        Flaky.failures = 0;
        assertEquals(202, invokeAsynchronously());
        awaitAttempts(1);
        Thread.sleep(DELAYS.getLast().toMillis() * 2);
        assertEquals(1, Flaky.STARTED.size());
    }

    private int invokeAsynchronously() throws IOException, InterruptedException {
        String lambda = endpoints.environment("LAMBDA_ENDPOINT", "SCHEDULER_ENDPOINT").get("LAMBDA_ENDPOINT");
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create(lambda
                                    + "/2015-03-31/functions/FlakyFunction/invocations"))
                            .header("X-Amz-Invocation-Type", "Event")
                            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    private static void awaitAttempts(int attempts) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (Flaky.STARTED.size() < attempts && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(attempts, Flaky.STARTED.size());
    }

    private static void assertWaitedAtLeast(List<Duration> delays) {
        for (int i = 0; i < delays.size(); i++) {
            long waited = Flaky.STARTED.get(i + 1) - Flaky.STARTED.get(i);
            assertTrue(waited >= delays.get(i).toNanos(), "attempt " + (i + 2) + " came after " + waited + " ns");
        }
    }

    private String log() {
        return log.toString(StandardCharsets.UTF_8);
    }
}

package no.ks.barometer.functions.admin;

import no.ks.barometer.testing.DynamoDbLocal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every event in events/admin-api goes through the real container handler against DynamoDB Local and gets the
 * status its file name records. {@code {{survey}}} becomes a survey of the event's own, prepared as
 * {@link AdminSeed} says; {@code {{token}}} the respondent link token of one of its organisations. Lambda and the
 * Scheduler, which the mailing routes call, answer on loopback.
 */
@ExtendWith(DynamoDbLocal.class)
class AdminEventsTest {

    private static final Pattern NAME = Pattern.compile("([a-z0-9-]+)\\.(\\d{3})\\.json");
    private static final AtomicInteger SURVEYS = new AtomicInteger();
    private static AdminSeed seed;

    @TempDir
    static Path keys;
    private static RecordingAws aws;

    @BeforeAll
    static void setUp(DynamoDbLocal.LocalTable table) throws IOException {
        aws = new RecordingAws();
        seed = AdminSeed.withMailing(table, aws, keys.resolve("link-key"));
    }

    @AfterAll
    static void stopAws() {
        aws.close();
    }

    @TestFactory
    Stream<DynamicTest> everyAdminEventGetsTheStatusInItsName() throws IOException {
        List<Path> files = AdminSeed.eventFiles();
        assertTrue(files.size() >= 25, "expected the admin events, found " + files);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Matcher name = NAME.matcher(file.getFileName().toString());
            assertTrue(name.matches(), "event file names are <case>.<status>.json: " + file);
            String survey = "ev-" + SURVEYS.incrementAndGet();
            String event = seed.prepare(name.group(1), survey, Files.readString(file, StandardCharsets.UTF_8));
            Container.Reply reply = seed.container().send(event);
            assertEquals(Integer.parseInt(name.group(2)), reply.status(), name.group(1) + ": " + reply.raw());
            String type = reply.header("Content-Type") == null ? null
                    : reply.header("Content-Type").toLowerCase(java.util.Locale.ROOT);
            // A 304 has no body, so no type.
            assertTrue(reply.status() == 304 ? type == null : type != null && (reply.status() >= 400
                    ? type.equals("application/problem+json")
                    : type.matches("application/json|text/csv; charset=utf-8|application/jsonl; charset=utf-8"
                    + "|text/markdown; charset=utf-8")), name.group(1) + ": " + type);
            assertEquals("no-store", reply.header("Cache-Control"), name.group(1));
        }));
    }
}

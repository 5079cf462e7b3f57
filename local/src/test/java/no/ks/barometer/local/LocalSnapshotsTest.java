package no.ks.barometer.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.ks.barometer.local.http.StaticFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The template's snapshot schedule runs the snapshot function against the local stack, the snapshot it writes is
 * served by the admin routes, and a published one is readable without the admin token where CloudFront would
 * serve it.
 */
class LocalSnapshotsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SURVEY = DemoSeed.SURVEY_ID;
    private static final String SCHEDULE = "SnapshotFunctionEveryQuarterHour";

    @TempDir
    static Path dir;
    private static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        Path web = dir.resolve("web");
        Files.createDirectories(web);
        Files.writeString(web.resolve(StaticFiles.PUBLISHED_LIST), "index.html\n");
        Files.writeString(web.resolve("index.html"), "<!doctype html><title>Test-app</title>");
        stack = LocalStack.start(Options.parse("--port", "0", "--web", web.toString(), "--data",
                dir.resolve("data").toString(), "--simulate", "6", "--seed", "3"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theScheduleWritesASnapshotThatTheRoutesServeAndPublishingMakesItPublic() throws Exception {
        HttpResponse<String> run = send(admin("/local/schedules/" + SCHEDULE + "/run")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, run.statusCode(), run.body());
        assertEquals("COMPUTED", JSON.readTree(run.body()).at("/output/" + SURVEY).asText(), run.body());

        HttpResponse<String> latest = send(admin(snapshots() + "/latest").GET());
        assertEquals(200, latest.statusCode(), latest.body());
        JsonNode snapshot = JSON.readTree(latest.body());
        assertEquals(1, snapshot.path("formatVersion").asInt());
        String etag = latest.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, send(admin(snapshots() + "/latest").header("If-None-Match", etag).GET()).statusCode());
        String id = snapshot.path("snapshotId").asText();
        JsonNode listed = JSON.readTree(send(admin(snapshots()).GET()).body()).path("snapshots");
        assertEquals(1, listed.size());
        assertEquals(id, listed.get(0).path("snapshotId").asText());
        assertTrue(listed.get(0).path("latest").asBoolean());

        HttpResponse<String> again = send(admin("/local/schedules/" + SCHEDULE + "/run")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals("UNCHANGED", JSON.readTree(again.body()).at("/output/" + SURVEY).asText(), again.body());

        String path = "/results/data/" + SURVEY + "/latest.json";
        assertEquals(404, send(request(path).GET()).statusCode());
        HttpResponse<String> publish = send(admin(snapshots() + "/" + id + "/publish")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, publish.statusCode(), publish.body());
        assertEquals(path, JSON.readTree(publish.body()).path("latestPath").asText());
        HttpResponse<String> published = send(request(path).GET());
        assertEquals(200, published.statusCode());
        assertEquals("application/json", published.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(latest.body(), published.body());
        assertEquals(200, send(request("/results/data/" + SURVEY + "/" + id + ".json").GET()).statusCode());
    }

    private static String snapshots() {
        return "/v1/admin/surveys/" + SURVEY + "/snapshots";
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(stack.baseUrl().resolve(path));
    }

    private static HttpRequest.Builder admin(String path) {
        return request(path).header("Authorization", "Bearer " + stack.adminToken());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

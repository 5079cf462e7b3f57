package no.ks.barometer.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.ks.barometer.questionnaire.OrgType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With {@code --data}, a restart finds every answer and prints the same links. */
class LocalStackRestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private record Run(LocalStack stack, String printed) {
    }

    private Run start(Path data, int port) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LocalStack stack = LocalStack.start(Options.parse("--port", Integer.toString(port), "--data",
                data.toString(), "--web", dir.resolve("web").toString()), new PrintStream(out, true,
                StandardCharsets.UTF_8));
        return new Run(stack, out.toString(StandardCharsets.UTF_8));
    }

    private static List<String> linkLines(String printed) {
        return printed.lines().filter(line -> line.contains("#t=")).toList();
    }

    @Test
    void restartWithTheSameDataKeepsAnswersAndPrintsTheSameLinks() throws Exception {
        Path data = dir.resolve("data");
        Run first = start(data, 0);
        int port = first.stack().baseUrl().getPort();
        List<RespondentLink> links = first.stack().links();
        RespondentLink link = links.stream().filter(l -> l.type() == OrgType.KOMMUNE).findFirst().orElseThrow();
        String token = link.url().getFragment().substring("t=".length());
        try {
            HttpResponse<String> saved = HTTP.send(HttpRequest.newBuilder(first.stack().baseUrl()
                            .resolve("/v1/response/pages/q0"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"version\":0,\"answers\":{\"Q0\":{\"choice\":1}}}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, saved.statusCode(), saved.body());
        } finally {
            first.stack().close();
        }
        JsonNode kept = JSON.readTree(data.resolve(LinksFile.DATA_FILE_NAME).toFile());
        assertEquals(371, kept.path("invitations").size());
        assertEquals(link.url().toString(), kept.path("invitations").get(0).path("url").asText());

        Run second = start(data, port);
        try {
            assertEquals(links, second.stack().links());
            assertEquals(linkLines(first.printed()), linkLines(second.printed()));
            assertTrue(second.printed().contains("fra forrige start"), second.printed());
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(second.stack().baseUrl()
                            .resolve("/v1/response"))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            JsonNode body = JSON.readTree(response.body());
            assertEquals(1, body.path("answers").path("Q0").path("choice").asInt());
            assertEquals("IN_PROGRESS", body.path("status").asText());
        } finally {
            second.stack().close();
        }
    }
}

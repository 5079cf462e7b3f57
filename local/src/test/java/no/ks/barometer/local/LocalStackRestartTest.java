package no.ks.barometer.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.ks.barometer.local.simulation.SimulationReport;
import no.ks.barometer.questionnaire.OrgType;
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
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With {@code --data}, a restart finds every answer, prints the same links and mails them. */
class LocalStackRestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private record Run(LocalStack stack, String printed) {
    }

    private Run start(Path data, int port, String... more) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of("--port", Integer.toString(port), "--data",
                data.toString(), "--web", dir.resolve("web").toString()));
        arguments.addAll(List.of(more));
        LocalStack stack = LocalStack.start(Options.parse(arguments.toArray(String[]::new)), new PrintStream(out,
                true, StandardCharsets.UTF_8));
        return new Run(stack, out.toString(StandardCharsets.UTF_8));
    }

    private static List<String> linkLines(String printed) {
        return printed.lines().filter(line -> line.contains("#t=")).toList();
    }

    /** Sends the organisation a reminder through the admin API and reads the link in the mail the outbox got. */
    private static String remindedLink(LocalStack stack, String orgNumber) throws Exception {
        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(stack.baseUrl()
                        .resolve("/v1/admin/surveys/innovasjonsbarometer-2024/mailings"))
                .header("Authorization", "Bearer " + stack.adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"mailingId\":\"etter-omstart\",\"kind\":\"reminder\","
                        + "\"orgNumbers\":[\"" + orgNumber + "\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, started.statusCode(), started.body());
        Path mail = stack.outboxFolder().resolve("etter-omstart-" + orgNumber + ".eml");
        for (int attempt = 0; attempt < 600 && !Files.exists(mail); attempt++) {
            Thread.sleep(100);
        }
        return LocalOutbox.link(mail).toString();
    }

    @Test
    void restartWithTheSameDataKeepsAnswersAndLinksAndASimulationFollowsTheLinksTheOutboxMailed() throws Exception {
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
            assertEquals(link.url().toString(), remindedLink(second.stack(), link.number()),
                    "the key file beside the data makes a reminder carry the link issued before the restart");
        } finally {
            second.stack().close();
        }

        Run third = start(data, port, "--simulate", "3");
        try {
            assertTrue(third.printed().contains("følger lenkene i utboksen (1 organisasjoner"), third.printed());
            SimulationReport report = third.stack().simulation().orElseThrow();
            assertEquals(List.of(link.number()), report.respondents().stream()
                    .map(SimulationReport.Respondent::number).toList(),
                    "the simulated respondents follow the links the outbox's mails carry: one organisation got mail");
            assertTrue(report.failures().isEmpty(), third.printed());
        } finally {
            third.stack().close();
        }
    }
}

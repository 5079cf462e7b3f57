package no.ks.barometer.functions.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.testing.MutableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocal.class)
class AdminApiHandlerTest {

    private static AdminSeed seed;
    private static Container container;
    private static MutableClock clock;

    @BeforeAll
    static void setUp(DynamoDbLocal.LocalTable table) {
        clock = new MutableClock(Instant.parse("2026-09-02T08:00:00Z"));
        container = new Container(new AdminApiHandler(table.client(), table.tableName(), clock));
        seed = new AdminSeed(table, container, clock);
    }

    @Test
    void requestWithoutAnIamIdentityIsRefusedAndChangesNothing() throws IOException {
        seed.prepare("close", "authz-none", "");
        ObjectNode event = (ObjectNode) new ObjectMapper().readTree(AdminSeed.event("close")
                .replace("{{survey}}", "authz-none"));
        ((ObjectNode) event.path("requestContext")).remove("authorizer");
        String unsigned = event.toString();
        assertFalse(unsigned.contains("authorizer"));

        Container.Reply reply = container.send(unsigned);

        assertEquals(403, reply.status());
        assertEquals("urn:barometer:problem:not-authorized", reply.json().path("type").asText());
        assertEquals("OPEN", seed.send("get-survey", "authz-none", "", 200).json().path("state").asText());
    }

    @Test
    void respondentsBearerTokenOnAnAdminRouteIsRefused() throws IOException {
        String event = seed.prepare("respondent-token", "authz-bearer", AdminSeed.event("respondent-token"));
        assertTrue(event.matches("(?s).*\"authorization\": \"Bearer [A-Za-z0-9_-]{10,}\".*"), event);

        Container.Reply reply = container.send(event);

        assertEquals(403, reply.status());
        assertEquals("urn:barometer:problem:not-authorized", reply.json().path("type").asText());
    }

    @Test
    void everyActionRecordsTheIamPrincipalThatSignedIt() throws IOException {
        seed.prepare("close", "audit-actor", "");
        clock.advance(Duration.ofSeconds(1));
        seed.send("close", "audit-actor", "", 200);

        JsonNode entries = seed.send("audit", "audit-actor", "", 200).json().path("entries");

        assertEquals("SURVEY_CLOSED", entries.get(0).path("action").asText());
        for (JsonNode entry : entries) {
            assertEquals("arn:aws:iam::123456789012:user/analytiker", entry.path("actor").asText());
        }
    }

    @Test
    void closeStatesTheBoundWithinWhichWarmContainersStillTakeSaves() throws IOException {
        seed.prepare("close", "close-bound", "");

        JsonNode reply = seed.send("close", "close-bound", "", 200).json();

        assertEquals("CLOSED", reply.at("/survey/state").asText());
        assertFalse(reply.at("/survey/acceptingAnswers").asBoolean());
        assertEquals(30, reply.path("takesEffectWithinSeconds").asInt());
        assertTrue(reply.path("note").asText().contains("30 sekunder"));
    }

    @Test
    void csvExportCrossesTheContainerWithItsByteOrderMarkLettersAndNeutralisedCells() throws IOException {
        seed.prepare("export-csv", "export-container", "");

        Container.Reply reply = seed.send("export-csv", "export-container", "", 200);

        assertTrue(reply.body().startsWith("\uFEFForgnr;navn;"), reply.body().substring(0, 20));
        assertTrue(reply.body().contains("Bedre tjenester i Østfold"));
        assertTrue(reply.body().contains(";'=1+1;"));
        assertEquals("attachment; filename=\"export-container.csv\"", reply.header("Content-Disposition"));
    }

    @Test
    void badRegisterRowsAreAnsweredByLineAndField() throws IOException {
        seed.prepare("import-bad-rows", "import-rows", "");

        JsonNode problem = seed.send("import-bad-rows", "import-rows", "", 422).json();

        assertEquals("urn:barometer:problem:invalid-register", problem.path("type").asText());
        StringBuilder errors = new StringBuilder();
        problem.path("errors").forEach(e -> errors.append(e.path("line").asInt()).append(':')
                .append(e.path("field").asText()).append(' '));
        assertEquals("3:fylke 3:population 3:maalform 3:emails", errors.toString().strip());
        assertEquals(0, seed.send("invitations", "import-rows", "", 200).json().path("invitations").size());
    }

    @Test
    void progressCountsTheSeededResponses() throws IOException {
        seed.prepare("progress", "progress-container", "");

        JsonNode overall = seed.send("progress", "progress-container", "", 200).json().path("overall");

        assertEquals(3, overall.path("invited").asInt());
        assertEquals(1, overall.path("completed").asInt());
        assertEquals(1, overall.path("inProgress").asInt());
        assertEquals(33.3, overall.path("responseRate").asDouble());
    }

    @Test
    void snapStartPrimingRunsARequestThroughTheContainer() {
        Container.Reply reply = container.send(PrimingEvent.surveyLookup());

        assertEquals(404, reply.status());
        assertEquals("urn:barometer:problem:survey-not-found", reply.json().path("type").asText());
    }
}

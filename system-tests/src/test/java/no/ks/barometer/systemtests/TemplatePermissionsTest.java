package no.ks.barometer.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import no.ks.barometer.functions.sesevents.SesEventsHandler;
import no.ks.barometer.invitation.InvitationService;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.store.DynamoInvitationStore;
import no.ks.barometer.store.DynamoMailingStore;
import no.ks.barometer.survey.Survey;
import no.ks.barometer.functions.snapshot.SnapshotHandler;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.testing.Organisations;
import no.ks.barometer.testing.Surveys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The respondent functions' and the snapshot function's IAM policies in template.yaml grant exactly the DynamoDB
 * actions their handlers call, on the Barometer table only: a journey through every handler records the calls each
 * one makes. So does the function that records bounces and complaints, fed every sample event of events/ses-events.
 */
@ExtendWith(DynamoDbLocal.class)
class TemplatePermissionsTest {

    private static final List<String> RESPONDENT_FUNCTIONS =
            List.of("GetResponseFunction", "SavePageFunction", "SubmitFunction");
    private static final String SES_EVENTS_FUNCTION = "SesEventsFunction";
    private static final Map<String, Set<String>> CALLED = new ConcurrentHashMap<>();
    private static JsonNode template;

    @BeforeAll
    static void walkThroughEveryHandler(DynamoDbLocal.LocalTable table) throws IOException {
        template = new YAMLMapper().readTree(Repository.root().resolve("template.yaml").toFile());
        RespondentClient api = new RespondentClient(table, "permissions", function -> recording(table, function));
        String token = api.invite(Organisations.halden());
        api.get(token);
        long version = 0;
        for (Map.Entry<String, String> page : Pages.worksWithInnovation(true).entrySet()) {
            version = api.put(token, page.getKey(), version, page.getValue()).version();
        }
        api.put(token, "q0", 0, "{\"Q0\":{\"choice\":1}}");
        api.submit(token, version);
        api.submit(token, version);
        api.get(token);
    }

    @BeforeAll
    static void feedTheSesEventsFunctionEverySampleEvent(DynamoDbLocal.LocalTable table) throws IOException {
        Survey survey = Surveys.open("permissions-ses-events");
        Organisation halden = Organisations.halden();
        new InvitationService(new DynamoInvitationStore(table.client(), table.tableName()), Clock.systemUTC())
                .invite(survey, halden, Duration.ofDays(60));
        DynamoMailingStore mailings = new DynamoMailingStore(table.client(), table.tableName());
        mailings.claim(survey.id(), "invitasjon", halden.number(), halden.contactEmails(), Instant.now());
        mailings.markSent(survey.id(), "invitasjon", halden.number(), "permissions-message", Instant.now());
        SesEventsHandler handler = new SesEventsHandler(recording(table, SES_EVENTS_FUNCTION), table.tableName(),
                new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        List<Path> samples;
        try (Stream<Path> files = Files.list(Repository.root().resolve("events/ses-events"))) {
            samples = files.sorted().toList();
        }
        for (Path sample : samples) {
            byte[] event = Files.readString(sample).replace("{{messageId}}", "permissions-message")
                    .getBytes(StandardCharsets.UTF_8);
            handler.handleRequest(new ByteArrayInputStream(event), OutputStream.nullOutputStream(), null);
        }
    }

    @Test
    void theSesEventsFunctionMayCallExactlyWhatItsHandlerCalls() {
        assertEquals(Set.of("dynamodb:Query", "dynamodb:UpdateItem"), CALLED.get(SES_EVENTS_FUNCTION));
        assertEquals(CALLED.get(SES_EVENTS_FUNCTION), allowedActions(SES_EVENTS_FUNCTION));
    }

    @Test
    void theSesEventsFunctionQueriesOnlyTheIndexAndUpdatesOnlyTheTable() {
        for (JsonNode statement : statements(SES_EVENTS_FUNCTION)) {
            assertEquals("Allow", statement.path("Effect").asText());
            List<String> actions = new ArrayList<>();
            statement.path("Action").forEach(action -> actions.add(action.asText()));
            JsonNode resource = statement.path("Resource");
            if (actions.equals(List.of("dynamodb:Query"))) {
                assertEquals("${BarometerTable.Arn}/index/gsi1", resource.path("Fn::Sub").asText());
            } else {
                assertEquals(List.of("dynamodb:UpdateItem"), actions);
                assertEquals(List.of("BarometerTable", "Arn"),
                        new YAMLMapper().convertValue(resource.path("Fn::GetAtt"), List.class));
            }
        }
    }

    @Test
    void everyRespondentFunctionMayCallExactlyWhatItsHandlerCalls() {
        for (String function : RESPONDENT_FUNCTIONS) {
            assertEquals(CALLED.get(function), allowedActions(function), function);
        }
    }

    @Test
    void respondentFunctionsMayTouchOnlyTheBarometerTable() {
        for (String function : RESPONDENT_FUNCTIONS) {
            for (JsonNode statement : statements(function)) {
                assertEquals("Allow", statement.path("Effect").asText(), function);
                assertEquals(List.of("BarometerTable", "Arn"),
                        new YAMLMapper().convertValue(statement.path("Resource").path("Fn::GetAtt"), List.class),
                        function);
            }
        }
    }

    /**
     * The snapshot function, run twice over the surveys of the journey above (a snapshot, then nothing changed),
     * may call what it calls. A transaction is authorized item by item: its Put as PutItem, its Update as
     * UpdateItem.
     */
    @Test
    void theSnapshotFunctionMayCallExactlyWhatItsHandlerCalls(DynamoDbLocal.LocalTable table) {
        Set<String> calls = new TreeSet<>();
        SnapshotHandler handler = new SnapshotHandler(StorageCalls.recording(table, calls::add), table.tableName(),
                Clock.fixed(Instant.parse("2024-09-10T08:00:00Z"), ZoneOffset.UTC));
        assertEquals("COMPUTED", handler.handleRequest(Map.of(), null).get("permissions"));
        assertEquals("UNCHANGED", handler.handleRequest(Map.of(), null).get("permissions"));

        if (calls.remove("dynamodb:TransactWriteItems")) {
            calls.addAll(List.of("dynamodb:PutItem", "dynamodb:UpdateItem"));
        }
        assertEquals(calls, allowedActions("SnapshotFunction"));
        for (JsonNode statement : statements("SnapshotFunction")) {
            assertEquals("[{\"Fn::GetAtt\":[\"BarometerTable\",\"Arn\"]},{\"Fn::Sub\":\"${BarometerTable.Arn}/index/gsi1\"}]",
                    statement.path("Resource").toString());
        }
    }

    /** The admin API may write published snapshots under results/data/ in the results bucket, and nothing else there. */
    @Test
    void theAdminApiMayOnlyWritePublishedSnapshotsToTheResultsBucket() {
        List<JsonNode> s3 = statements("AdminApiFunction").stream()
                .filter(statement -> statement.path("Action").toString().contains("s3:")).toList();
        assertEquals(1, s3.size());
        assertEquals("[\"s3:PutObject\"]", s3.get(0).path("Action").toString());
        assertEquals("${ResultsBucket.Arn}/results/data/*", s3.get(0).at("/Resource/Fn::Sub").asText());
        assertEquals("${ResultsBucket.Arn}/results/data/*", template.at(
                "/Resources/ResultsBucketPolicy/Properties/PolicyDocument/Statement/0/Resource/Fn::Sub").asText());
    }

    private static Set<String> allowedActions(String function) {
        Set<String> actions = new TreeSet<>();
        statements(function).forEach(statement -> statement.path("Action").forEach(a -> actions.add(a.asText())));
        return actions;
    }

    private static List<JsonNode> statements(String function) {
        JsonNode policies = template.path("Resources").path(function).path("Properties").path("Policies");
        assertTrue(policies.isArray() && !policies.isEmpty(), function + " declares no policies");
        List<JsonNode> statements = new ArrayList<>();
        for (JsonNode policy : policies) {
            assertTrue(policy.has("Statement"), function + " has a policy that is not a statement list: " + policy);
            policy.path("Statement").forEach(statements::add);
        }
        return statements;
    }

    private static DynamoDbClient recording(DynamoDbLocal.LocalTable table, String function) {
        Set<String> calls = CALLED.computeIfAbsent(function, f -> new TreeSet<>());
        return StorageCalls.recording(table, call -> {
            synchronized (calls) {
                calls.add(call);
            }
        });
    }
}

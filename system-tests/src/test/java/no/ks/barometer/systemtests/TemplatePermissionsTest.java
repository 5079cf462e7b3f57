package no.ks.barometer.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import no.ks.barometer.functions.snapshot.SnapshotHandler;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.testing.Organisations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The respondent functions' and the snapshot function's IAM policies in template.yaml grant exactly the DynamoDB
 * actions their handlers call, on the Barometer table only: a journey through every handler records the calls each
 * one makes.
 */
@ExtendWith(DynamoDbLocal.class)
class TemplatePermissionsTest {

    private static final List<String> RESPONDENT_FUNCTIONS =
            List.of("GetResponseFunction", "SavePageFunction", "SubmitFunction");
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

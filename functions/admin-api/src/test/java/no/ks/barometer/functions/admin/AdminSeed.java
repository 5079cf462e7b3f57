package no.ks.barometer.functions.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.ks.barometer.response.LastWrite;
import no.ks.barometer.response.PageWrite;
import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.response.StoredResponse;
import no.ks.barometer.response.Submission;
import no.ks.barometer.response.WriteOutcome;
import no.ks.barometer.store.ResponseDao;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.testing.MutableClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What an admin event needs before it is sent, made through the admin API itself: most events find a survey with
 * three organisations invited (3101 Halden, 3103 Sarpsborg, 31 Østfold fylkeskommune), Halden's response
 * completed with answers and Sarpsborg's in progress (the mailing events find it so, one closed, some with a
 * mailing started); the imports find the survey without a register; the creations find nothing; the snapshot
 * events that read or publish one find it computed after the seed.
 */
public final class AdminSeed {

    enum Given { NOTHING, SURVEY, SEEDED }

    private static final Map<String, Given> GIVEN = Map.of(
            "create-survey", Given.NOTHING,
            "create-survey-bad-window", Given.NOTHING,
            "create-survey-unknown-questionnaire", Given.NOTHING,
            "create-survey-malformed", Given.NOTHING,
            "import-csv", Given.SURVEY,
            "import-json", Given.SURVEY,
            "import-bad-rows", Given.SURVEY,
            "import-wrong-type", Given.SURVEY,
            "import-standard", Given.SURVEY);

    /** The mailing events that find the invitation mailing «invitasjon» started. */
    private static final Set<String> MAILING_STARTED = Set.of("mailing-start-id-taken", "mailings", "mailing");

    /** The events that find a snapshot computed after the seed: {@code {{snapshot}}} and {@code {{etag}}} are its. */
    private static final Set<String> WITH_SNAPSHOT = Set.of("latest-snapshot", "latest-snapshot-not-modified",
            "snapshot", "snapshot-not-modified", "publish-snapshot");

    static final String HALDEN_ANSWERS = """
            {"Q0": {"choice": 1}, "Q1": {"choice": 2}, "Q2": {"choice": 1}, "Q3": {"choice": 4},
             "Q4": {"choices": [1, 10], "other": "=1+1"}, "Q22": {"text": "Bedre tjenester i Østfold"}}""";

    private final DynamoDbLocal.LocalTable table;
    private final Container container;
    private final MutableClock clock;

    public AdminSeed(DynamoDbLocal.LocalTable table, Container container, MutableClock clock) {
        this.table = table;
        this.container = container;
        this.clock = clock;
    }

    /**
     * On the admin handler as configured in AWS, with Lambda and the Scheduler at {@code aws}, the link key in
     * {@code linkKeyFile} and published snapshots in a folder of their own, at the events' time.
     */
    public static AdminSeed withMailing(DynamoDbLocal.LocalTable table, RecordingAws aws, Path linkKeyFile) {
        MutableClock clock = new MutableClock(Instant.parse("2026-09-02T08:00:00Z"));
        Map<String, String> environment = new HashMap<>(aws.environment(linkKeyFile));
        try {
            environment.put("RESULTS_DIR", Files.createTempDirectory("published-").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AdminSeed(table, new Container(new AdminApiHandler(table.client(), table.tableName(), clock,
                environment)), clock);
    }

    public Container container() {
        return container;
    }

    public static List<Path> eventFiles() throws IOException {
        Path directory = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(directory.resolve("events"))) {
            directory = directory.getParent();
        }
        try (Stream<Path> files = Files.list(directory.resolve("events/admin-api"))) {
            return files.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        }
    }

    static String event(String name) throws IOException {
        for (Path file : eventFiles()) {
            if (file.getFileName().toString().startsWith(name + ".")) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
        }
        throw new IllegalArgumentException("No event " + name);
    }

    /** Prepares what the event needs and returns it with its placeholders filled in. */
    public String prepare(String name, String survey, String event) throws IOException {
        Given given = GIVEN.getOrDefault(name, Given.SEEDED);
        String token = "";
        if (given != Given.NOTHING) {
            send("create-survey", survey, "", 201);
        }
        if (given == Given.SEEDED) {
            JsonNode imported = send("import-csv", survey, "", 200).json();
            respond(survey, "3101", ResponseStatus.COMPLETED, HALDEN_ANSWERS);
            respond(survey, "3103", ResponseStatus.IN_PROGRESS, "{\"Q0\": {\"choice\": 1}}");
            String link = imported.at("/invited/1/link").asText();
            token = link.substring(link.indexOf("#t=") + 3);
            if (name.equals("mailing-start-closed")) {
                send("close", survey, "", 200);
            }
            if (MAILING_STARTED.contains(name)) {
                send("mailing-start", survey, "", 202);
            }
        }
        String snapshot = "";
        String etag = "";
        if (WITH_SNAPSHOT.contains(name)) {
            JsonNode computed = send("recompute-snapshot", survey, "", 201).json();
            snapshot = computed.path("snapshotId").asText();
            etag = computed.path("etag").asText().replace("\"", "\\\"");
        }
        return event.replace("{{survey}}", survey).replace("{{token}}", token).replace("{{snapshot}}", snapshot)
                .replace("{{etag}}", etag);
    }

    Container.Reply send(String eventName, String survey, String token, int expected) throws IOException {
        Container.Reply reply = container.send(event(eventName).replace("{{survey}}", survey)
                .replace("{{token}}", token));
        assertEquals(expected, reply.status(), eventName + ": " + reply.raw());
        return reply;
    }

    /** Stores answers as they are and moves the response to {@code status}, as the respondent functions would. */
    void respond(String survey, String orgNumber, ResponseStatus status, String answersJson) throws IOException {
        ResponseDao responses = new ResponseDao(table.client(), table.tableName());
        StoredResponse base = responses.get(survey, orgNumber).orElseThrow();
        ObjectNode answers = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(answersJson);
        WriteOutcome saved = responses.savePage(base, new PageWrite(0, ResponseStatus.IN_PROGRESS, answers,
                List.of("q0"), "innovasjonsbarometer-2024", 1, clock.instant(),
                new LastWrite("page:q0", 0, "seed", List.of())));
        if (status == ResponseStatus.COMPLETED) {
            StoredResponse written = ((WriteOutcome.Written) saved).response();
            responses.submit(written, new Submission(written.version(), clock.instant(),
                    new LastWrite(LastWrite.SUBMIT, written.version(), "seed", List.of())));
        }
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}

package no.ks.barometer.systemtests;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.ks.barometer.functions.admin.AdminSeed;
import no.ks.barometer.functions.admin.RecordingAws;
import no.ks.barometer.functions.admin.Container;
import no.ks.barometer.systemtests.RespondentClient.Reply;
import no.ks.barometer.questionnaire.QuestionnaireCatalog;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.testing.Organisations;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every sample event in events/ goes to its handler against DynamoDB Local and gets the status its file name
 * records ({@code <case>.<status>.json}). {@code {{token}}} becomes the token of a fresh invitation, prepared as
 * {@link #GIVEN} says; {@code {{etag}}} becomes the current questionnaire's entity tag. The admin API's events go
 * through its container handler as {@link AdminSeed} prepares them. Every reply must also be what openapi.yaml
 * documents for its route and status.
 */
@ExtendWith(DynamoDbLocal.class)
class EventsTest {

    private static final Pattern NAME = Pattern.compile("([a-z0-9-]+)\\.(\\d{3})\\.json");
    private static final ObjectMapper EVENTS = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Pages saved before the event is sent, for the events that need some history. */
    private static final Map<String, List<String>> GIVEN = Map.of(
            "save-page/stale-version", List.of("q0"),
            "submit/ok", List.of("q0", "q1", "q2", "q28"),
            "submit/incomplete", List.of("q0"),
            "submit/stale-version", List.of("q0"));

    private static final OpenApiContract CONTRACT = new OpenApiContract();
    private static final String ADMIN_API = "admin-api";
    private static RespondentClient api;
    private static int organisations;
    private static AdminSeed adminSeed;
    private static int adminSurveys;

    @TempDir
    static Path keys;
    private static RecordingAws aws;

    @BeforeAll
    static void setUp(DynamoDbLocal.LocalTable table) throws IOException {
        api = new RespondentClient(table, "events");
        aws = new RecordingAws();
        adminSeed = AdminSeed.withMailing(table, aws, keys.resolve("link-key"));
    }

    @AfterAll
    static void stopAws() {
        aws.close();
    }

    @TestFactory
    Stream<DynamicTest> everyEventGetsTheStatusInItsName() throws IOException {
        Path events = Repository.root().resolve("events");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(events)) {
            // The SES events are no HTTP requests and go to their handler in functions/ses-events
            // (SesEventsHandlerTest).
            files = walk.filter(path -> path.toString().endsWith(".json"))
                    .filter(path -> !path.getParent().getFileName().toString().equals("ses-events")).sorted().toList();
        }
        assertTrue(files.size() >= 50, "expected the sample events, found " + files);
        return files.stream().map(file -> DynamicTest.dynamicTest(events.relativize(file).toString(), () -> {
            Matcher name = NAME.matcher(file.getFileName().toString());
            assertTrue(name.matches(), "event file names are <case>.<status>.json: " + file);
            String function = file.getParent().getFileName().toString();
            if (function.equals(ADMIN_API)) {
                sendToAdminApi(file, name.group(1), Integer.parseInt(name.group(2)));
                return;
            }
            String key = function + "/" + name.group(1);
            APIGatewayV2HTTPEvent event = event(file, key);
            Reply reply = Reply.of(handler(function).handleRequest(event, null));
            assertEquals(Integer.parseInt(name.group(2)), reply.status(), key + ": " + reply.raw());
            CONTRACT.assertConforms(event.getRouteKey(), reply);
        }));
    }

    /**
     * An admin event goes through the real container handler, on a survey of its own prepared as {@link AdminSeed}
     * says; the route key it is checked under is the event's own.
     */
    private static void sendToAdminApi(Path file, String name, int expected) throws IOException {
        String event = adminSeed.prepare(name, "ev-" + adminSurveys++, Files.readString(file, StandardCharsets.UTF_8));
        Container.Reply reply = adminSeed.container().send(event);
        assertEquals(expected, reply.status(), ADMIN_API + "/" + name + ": " + reply.raw());
        CONTRACT.assertConforms(EVENTS.readTree(event).path("routeKey").asText(), reply.status(), reply.headers(),
                reply.body());
    }

    private static APIGatewayV2HTTPEvent event(Path file, String key) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.contains("{{token}}")) {
            text = text.replace("{{token}}", preparedToken(key));
        }
        text = text.replace("{{etag}}", QuestionnaireCatalog.fromClasspath()
                .current("innovasjonsbarometer-2024").orElseThrow().etag().replace("\"", "\\\""));
        return EVENTS.readValue(text, APIGatewayV2HTTPEvent.class);
    }

    private static String preparedToken(String key) {
        String token = api.invite(Organisations.kommuner(2000 + organisations++, 1).get(0));
        Map<String, String> answers = Pages.doesNotKnow();
        long version = 0;
        for (String page : GIVEN.getOrDefault(key, List.of())) {
            Reply saved = api.put(token, page, version, answers.get(page));
            assertEquals(200, saved.status(), saved.raw());
            version = saved.version();
        }
        return token;
    }

    private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler(String function) {
        return switch (function) {
            case "questionnaire" -> api.questionnaires;
            case "get-response" -> api.getResponse;
            case "save-page" -> api.savePage;
            case "submit" -> api.submit;
            default -> throw new IllegalArgumentException("No function " + function + " for events/" + function);
        };
    }
}

package no.ks.barometer.functions.sesevents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.ks.barometer.invitation.InvitationService;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.mailing.AddressFeedback;
import no.ks.barometer.mailing.FeedbackKind;
import no.ks.barometer.store.DynamoInvitationRecords;
import no.ks.barometer.store.DynamoInvitationStore;
import no.ks.barometer.store.DynamoMailingStore;
import no.ks.barometer.survey.Survey;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.testing.MutableClock;
import no.ks.barometer.testing.Organisations;
import no.ks.barometer.testing.Surveys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The handler on the sample events of events/ses-events, against DynamoDB Local. */
@ExtendWith(DynamoDbLocal.class)
class SesEventsHandlerTest {

    private static final Path EVENTS = eventsFolder();
    private static int surveys;

    private final DynamoDbLocal.LocalTable table;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final SesEventsHandler handler;
    private String survey;

    SesEventsHandlerTest(DynamoDbLocal.LocalTable table) {
        this.table = table;
        this.handler = new SesEventsHandler(table.client(), table.tableName(),
                new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    /** Halden's invitation, sent to both its contacts under the message id {@link #messageId()}. */
    @BeforeEach
    void invitationSentToHalden() {
        survey = "ses-events-" + ++surveys;
        MutableClock clock = new MutableClock(Surveys.START);
        Organisation halden = Organisations.halden();
        Organisation twoContacts = new Organisation(halden.number(), halden.name(), halden.type(),
                halden.countyNumber(), halden.countyName(), halden.population(), halden.maalform(),
                List.of("postmottak@halden.example", "radgiver@halden.example"));
        Survey open = Surveys.open(survey);
        new InvitationService(new DynamoInvitationStore(table.client(), table.tableName()), clock)
                .invite(open, twoContacts, Duration.ofDays(60));
        DynamoMailingStore mailings = new DynamoMailingStore(table.client(), table.tableName());
        mailings.claim(survey, "invitasjon", "3101", twoContacts.contactEmails(), clock.instant());
        mailings.markSent(survey, "invitasjon", "3101", messageId(), clock.instant());
    }

    @Test
    void thePermanentBounceMarksTheAddressItNames() throws IOException {
        handle(sample("bounce-permanent"));

        assertEquals("recorded", lastLine().path("outcome").asText());
        assertEquals(List.of(new AddressFeedback("3101", "invitasjon", "postmottak@halden.example",
                FeedbackKind.PERMANENT_BOUNCE, "General", Instant.parse("2026-09-01T08:16:02.669Z"))), recorded());
    }

    @Test
    void eachSampleReportIsRecordedOnceHoweverOftenItIsDelivered() throws IOException {
        for (String name : List.of("bounce-permanent", "bounce-transient", "complaint")) {
            handle(sample(name));
        }
        List<Map<String, AttributeValue>> before = everyItem();
        for (String name : List.of("bounce-permanent", "bounce-transient", "complaint")) {
            handle(sample(name));
            assertEquals("already_recorded", lastLine().path("outcome").asText(), name);
        }

        assertEquals(before, everyItem());
        assertEquals(List.of(FeedbackKind.PERMANENT_BOUNCE, FeedbackKind.TRANSIENT_BOUNCE, FeedbackKind.COMPLAINT),
                recorded().stream().map(AddressFeedback::kind).toList());
        assertEquals(List.of("postmottak@halden.example", "radgiver@halden.example", "radgiver@halden.example"),
                recorded().stream().map(AddressFeedback::address).toList());
    }

    @Test
    void aBounceOfMailNotSentHereIsLoggedAndChangesNothing() throws IOException {
        List<Map<String, AttributeValue>> before = everyItem();

        handle(sample("bounce-permanent").replace(messageId(), "0110018f00000000-from-another-stack-000000"));

        assertEquals("unknown_mail", lastLine().path("outcome").asText());
        assertEquals(before, everyItem());
    }

    @Test
    void aDeliveryIsIgnored() throws IOException {
        List<Map<String, AttributeValue>> before = everyItem();

        handle(sample("delivery"));

        assertEquals("ignored", lastLine().path("outcome").asText());
        assertEquals("Delivery", lastLine().path("eventType").asText());
        assertEquals(before, everyItem());
    }

    @Test
    void aMalformedEventIsLoggedAndAcceptedSoThatItIsNotRetried() throws IOException {
        List<Map<String, AttributeValue>> before = everyItem();

        for (String event : List.of(sample("malformed-no-recipient"), "{\"detail\": ", "", "[]")) {
            handle(event);
            assertEquals("malformed", lastLine().path("outcome").asText(), event);
        }

        assertTrue(lastLine().has("reason"));
        assertEquals(before, everyItem());
    }

    private void handle(String event) throws IOException {
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), null);
    }

    /** Message ids are per survey, as SES's are per mail. */
    private String messageId() {
        return "0110018f2a7b1a2b-" + survey + "-000000";
    }

    private String sample(String name) throws IOException {
        return Files.readString(EVENTS.resolve(name + ".json")).replace("{{messageId}}", messageId());
    }

    private JsonNode lastLine() throws IOException {
        List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
        return new ObjectMapper().readTree(lines.getLast());
    }

    private List<AddressFeedback> recorded() {
        return new DynamoInvitationRecords(table.client(), table.tableName()).mailFeedback(survey);
    }

    private List<Map<String, AttributeValue>> everyItem() {
        return table.client().scan(ScanRequest.builder().tableName(table.tableName()).consistentRead(true).build())
                .items();
    }

    private static Path eventsFolder() {
        Path directory = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(directory.resolve("events/ses-events"))) {
            directory = directory.getParent();
        }
        return directory.resolve("events/ses-events");
    }
}

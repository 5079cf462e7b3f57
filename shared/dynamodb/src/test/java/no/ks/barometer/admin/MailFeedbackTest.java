package no.ks.barometer.admin;

import no.ks.barometer.mailing.AddressFeedback;
import no.ks.barometer.mailing.DeliveryFeedback;
import no.ks.barometer.mailing.FeedbackKind;
import no.ks.barometer.mailing.MailFeedback;
import no.ks.barometer.store.DynamoInvitationRecords;
import no.ks.barometer.store.DynamoMailFeedback;
import no.ks.barometer.store.DynamoMailingStore;
import no.ks.barometer.testing.DynamoDbLocal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static no.ks.barometer.admin.AdminFixture.ADMIN;
import static no.ks.barometer.admin.AdminFixture.done;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Bounces and complaints on DynamoDB Local: found by the message id the outbox gave the mail, recorded on that
 * mail once however often the report comes, and shown in progress per contact address.
 */
@ExtendWith(DynamoDbLocal.class)
class MailFeedbackTest {

    /** Halden has two contacts, Sarpsborg one. */
    private static final String CSV = "number,name,type,fylke,population,maalform,emails\n"
            + "3101,Halden,kommune,31,31444,Bokmål,postmottak@halden.example;radgiver@halden.example\n"
            + "3103,Sarpsborg,kommune,31,60000,Bokmål,post@sarpsborg.example\n";
    private static final Instant BOUNCED_AT = Instant.parse("2024-09-02T09:00:02.669Z");

    private static int surveys;

    private final DynamoDbLocal.LocalTable table;
    private final AdminFixture fixture;
    private final DynamoMailingStore mailings;
    private final DeliveryFeedback feedback;
    private String survey;

    MailFeedbackTest(DynamoDbLocal.LocalTable table) {
        this.table = table;
        this.fixture = new AdminFixture(table);
        this.mailings = new DynamoMailingStore(table.client(), table.tableName());
        this.feedback = new DeliveryFeedback(new DynamoMailFeedback(table.client(), table.tableName()));
    }

    @BeforeEach
    void invitationMailedToBoth() {
        survey = "feedback-" + ++surveys;
        fixture.createSurvey(survey);
        done(fixture.admin.register().importFile(survey, CSV, RegisterFormat.CSV, ADMIN));
        send("3101", List.of("postmottak@halden.example", "radgiver@halden.example"));
        send("3103", List.of("post@sarpsborg.example"));
    }

    @Test
    void aPermanentBounceMarksTheMailWithTheAddressKindAndTime() {
        MailFeedback bounce = report(messageId("3101"), "fb-1", FeedbackKind.PERMANENT_BOUNCE, "General",
                "postmottak@halden.example");

        assertEquals(DeliveryFeedback.Outcome.RECORDED, feedback.record(bounce));

        assertEquals(List.of(new AddressFeedback("3101", "invitasjon", "postmottak@halden.example",
                FeedbackKind.PERMANENT_BOUNCE, "General", BOUNCED_AT)), recorded());
    }

    @Test
    void aComplaintMarksTheMailAsComplainedAbout() {
        feedback.record(report(messageId("3101"), "fb-1", FeedbackKind.COMPLAINT, "abuse", "radgiver@halden.example"));

        assertEquals(List.of(new AddressFeedback("3101", "invitasjon", "radgiver@halden.example",
                FeedbackKind.COMPLAINT, "abuse", BOUNCED_AT)), recorded());
    }

    @Test
    void transientAndPermanentBouncesAreKeptApart() {
        feedback.record(report(messageId("3101"), "fb-1", FeedbackKind.TRANSIENT_BOUNCE, "MailboxFull",
                "radgiver@halden.example"));
        feedback.record(report(messageId("3103"), "fb-2", FeedbackKind.PERMANENT_BOUNCE, "NoEmail",
                "post@sarpsborg.example"));

        assertEquals(Map.of("radgiver@halden.example", FeedbackKind.TRANSIENT_BOUNCE,
                        "post@sarpsborg.example", FeedbackKind.PERMANENT_BOUNCE),
                recorded().stream().collect(Collectors.toMap(AddressFeedback::address,
                        AddressFeedback::kind)));
    }

    @Test
    void theSameReportDeliveredAgainChangesNothing() {
        MailFeedback bounce = report(messageId("3101"), "fb-1", FeedbackKind.PERMANENT_BOUNCE, "General",
                "postmottak@halden.example");
        feedback.record(bounce);
        List<Map<String, AttributeValue>> before = everyItem();

        assertEquals(DeliveryFeedback.Outcome.ALREADY_RECORDED, feedback.record(bounce));
        assertEquals(before, everyItem());
    }

    @Test
    void aReportOnMailNobodyHereSentIsIgnoredAndWritesNothing() {
        List<Map<String, AttributeValue>> before = everyItem();

        assertEquals(DeliveryFeedback.Outcome.UNKNOWN_MAIL, feedback.record(report("from-elsewhere", "fb-1",
                FeedbackKind.PERMANENT_BOUNCE, "General", "someone@elsewhere.example")));
        assertEquals(before, everyItem());
    }

    @Test
    void progressNamesTheBouncedContactOfAnOrganisationWithSeveralAndItsOtherContacts() {
        feedback.record(report(messageId("3101"), "fb-1", FeedbackKind.PERMANENT_BOUNCE, "General",
                "postmottak@halden.example"));

        ProgressReport progress = done(fixture.admin.progress().progress(survey));

        assertEquals(List.of(new ProgressReport.Undeliverable("3101", "Halden",
                List.of("postmottak@halden.example", "radgiver@halden.example"),
                List.of(new AddressFeedback("3101", "invitasjon", "postmottak@halden.example",
                        FeedbackKind.PERMANENT_BOUNCE, "General", BOUNCED_AT)))), progress.undeliverable());
        assertEquals(new StatusCounts(2, 2, 0, 0, 0, 0, 0, 0.0), progress.overall(),
                "the organisation stays counted by its response, not marked as a whole");
    }

    @Test
    void progressShowsEveryContactOfEveryOrganisationThatBouncedInOneReport() {
        feedback.record(report(messageId("3101"), "fb-1", FeedbackKind.TRANSIENT_BOUNCE, "General",
                "postmottak@halden.example", "radgiver@halden.example"));
        feedback.record(report(messageId("3103"), "fb-2", FeedbackKind.COMPLAINT, null, "post@sarpsborg.example"));

        ProgressReport progress = done(fixture.admin.progress().progress(survey));

        assertEquals(List.of("3101", "3103"), progress.undeliverable().stream()
                .map(ProgressReport.Undeliverable::orgNumber).toList());
        assertEquals(List.of("postmottak@halden.example", "radgiver@halden.example"), progress.undeliverable()
                .getFirst().addresses().stream().map(AddressFeedback::address).toList());
    }

    private void send(String orgNumber, List<String> addresses) {
        mailings.claim(survey, "invitasjon", orgNumber, addresses, fixture.clock.instant());
        mailings.markSent(survey, "invitasjon", orgNumber, messageId(orgNumber), fixture.clock.instant());
    }

    /** Message ids are per survey, as SES's are per mail. */
    private String messageId(String orgNumber) {
        return survey + "-msg-" + orgNumber;
    }

    private MailFeedback report(String messageId, String feedbackId, FeedbackKind kind, String detail,
                                String... addresses) {
        return new MailFeedback(messageId, survey + "-" + feedbackId, kind, detail, BOUNCED_AT, List.of(addresses));
    }

    private List<AddressFeedback> recorded() {
        return new DynamoInvitationRecords(table.client(), table.tableName())
                .mailFeedback(survey);
    }

    private List<Map<String, AttributeValue>> everyItem() {
        return table.client().scan(ScanRequest.builder().tableName(table.tableName()).consistentRead(true).build())
                .items();
    }
}

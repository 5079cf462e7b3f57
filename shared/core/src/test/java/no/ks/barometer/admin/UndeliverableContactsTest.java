package no.ks.barometer.admin;

import no.ks.barometer.invitation.Maalform;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.mailing.AddressFeedback;
import no.ks.barometer.mailing.FeedbackKind;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.response.ResponseTimes;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UndeliverableContactsTest {

    private static final Instant NOW = Instant.parse("2024-10-01T12:00:00Z");

    @Test
    void aBounceOnOneContactNamesThatAddressBesideTheOrganisationsOtherContacts() {
        AddressFeedback bounce = feedback("3101", "postmottak@halden.example", FeedbackKind.PERMANENT_BOUNCE, 10);

        ProgressReport report = ProgressCount.count("s", NOW, List.of(
                invited("3101", "postmottak@halden.example", "radgiver@halden.example"),
                invited("3103", "post@sarpsborg.example")), List.of(bounce));

        assertEquals(List.of(new ProgressReport.Undeliverable("3101", "Org 3101",
                List.of("postmottak@halden.example", "radgiver@halden.example"), List.of(bounce))),
                report.undeliverable());
        assertEquals(2, report.overall().invited(), "the organisation is counted as before, not marked");
    }

    @Test
    void theLatestReportOnAnAddressIsShownWhateverOrderTheyArrivedIn() {
        AddressFeedback later = feedback("3101", "a@halden.example", FeedbackKind.PERMANENT_BOUNCE, 20);
        AddressFeedback earlier = feedback("3101", "a@halden.example", FeedbackKind.TRANSIENT_BOUNCE, 10);

        ProgressReport report = ProgressCount.count("s", NOW, List.of(invited("3101", "a@halden.example")),
                List.of(later, earlier));

        assertEquals(List.of(later), report.undeliverable().getFirst().addresses());
    }

    @Test
    void everyContactWithAReportIsNamedInAddressOrder() {
        AddressFeedback complaint = feedback("3101", "b@halden.example", FeedbackKind.COMPLAINT, 10);
        AddressFeedback bounce = feedback("3101", "a@halden.example", FeedbackKind.TRANSIENT_BOUNCE, 30);

        ProgressReport report = ProgressCount.count("s", NOW, List.of(
                invited("3101", "b@halden.example", "a@halden.example", "c@halden.example")),
                List.of(complaint, bounce));

        assertEquals(List.of(bounce, complaint), report.undeliverable().getFirst().addresses());
    }

    @Test
    void addressesMatchTheContactsWithoutRegardToCase() {
        AddressFeedback bounce = feedback("3101", "Postmottak@Halden.example", FeedbackKind.PERMANENT_BOUNCE, 10);

        ProgressReport report = ProgressCount.count("s", NOW,
                List.of(invited("3101", "postmottak@halden.example")), List.of(bounce));

        assertEquals(List.of(bounce), report.undeliverable().getFirst().addresses());
    }

    @Test
    void aContactReplacedInTheRegisterSinceItBouncedIsNoLongerShown() {
        AddressFeedback bounce = feedback("3101", "old@halden.example", FeedbackKind.PERMANENT_BOUNCE, 10);

        ProgressReport report = ProgressCount.count("s", NOW, List.of(invited("3101", "new@halden.example")),
                List.of(bounce));

        assertEquals(List.of(), report.undeliverable());
    }

    private static AddressFeedback feedback(String orgNumber, String address, FeedbackKind kind, int minutes) {
        return new AddressFeedback(orgNumber, "invitasjon", address, kind, null, NOW.minusSeconds(3600 - 60L * minutes));
    }

    private static InvitationSummary invited(String number, String... contacts) {
        return new InvitationSummary(new Organisation(number, "Org " + number, OrgType.KOMMUNE, "31", "Østfold",
                30_000, Maalform.BOKMAAL, List.of(contacts)), ResponseStatus.INVITED,
                new ResponseTimes(NOW, null, null, null, null, null), NOW.plusSeconds(3600), null);
    }
}

package no.ks.barometer.mailing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import no.ks.barometer.invitation.InvitationService;
import no.ks.barometer.invitation.IssuedInvitation;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.mail.MailKind;
import no.ks.barometer.mail.MailRefusedException;
import no.ks.barometer.mail.MailSettings;
import no.ks.barometer.mail.OutgoingMail;
import no.ks.barometer.response.LastWrite;
import no.ks.barometer.response.PageWrite;
import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.response.StoredResponse;
import no.ks.barometer.response.Submission;
import no.ks.barometer.response.WriteOutcome;
import no.ks.barometer.store.DynamoInvitationStore;
import no.ks.barometer.store.DynamoMailingStore;
import no.ks.barometer.store.ResponseDao;
import no.ks.barometer.survey.Survey;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.testing.MutableClock;
import no.ks.barometer.testing.Organisations;
import no.ks.barometer.testing.Surveys;
import no.ks.barometer.token.HmacLinkKey;
import no.ks.barometer.token.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mailings on DynamoDB Local: the conditional claim is what the tests lean on. */
@ExtendWith(DynamoDbLocal.class)
class MailingServiceTest {

    private static final Duration VALIDITY = Duration.ofDays(90);
    private static final MailingSettings SETTINGS = new MailingSettings(
            new MailSettings("KS", "Ipsos", "prosjektteamet hos Ipsos", "barometer@partner.example"),
            new OutgoingMail.Sender("innovasjonsbarometer@ks.example", "KS og Ipsos"), 1000);

    private static DynamoDbLocal.LocalTable table;
    private static DynamoMailingStore store;
    private static ResponseDao responses;

    private final MutableClock clock = new MutableClock(Surveys.START.plus(Duration.ofDays(1)));
    private final Pause pause = clock::advance;
    private final HmacLinkKey key = HmacLinkKey.ephemeral();

    @BeforeAll
    static void setUp(DynamoDbLocal.LocalTable localTable) {
        table = localTable;
        store = new DynamoMailingStore(table.client(), table.tableName());
        responses = new ResponseDao(table.client(), table.tableName());
    }

    @Test
    void remindersGoToExactlyThoseWhoseResponseIsOpenAndTheDryRunSaysWhyOthersDoNot() {
        Survey survey = Surveys.open("reminder-set");
        List<Organisation> organisations = new ArrayList<>(Organisations.kommuner(5001, 8));
        Organisation noAddress = organisations.get(7);
        organisations.set(7, new Organisation(noAddress.number(), noAddress.name(), noAddress.type(),
                noAddress.countyNumber(), noAddress.countyName(), noAddress.population(), noAddress.maalform(), List.of()));
        Map<String, IssuedInvitation> issued = invitations().inviteAll(survey, organisations, VALIDITY).stream()
                .collect(Collectors.toMap(i -> i.organisation().number(), Function.identity()));
        invitations().invite(survey, Organisations.kommuner(5009, 1).get(0), Duration.ofHours(1));
        responses.markOpened(response(issued.get("5002")), clock.instant());
        save(issued.get("5003"), ResponseStatus.IN_PROGRESS);
        submit(save(issued.get("5004"), ResponseStatus.IN_PROGRESS));
        save(issued.get("5005"), ResponseStatus.DECLINED);
        save(issued.get("5006"), ResponseStatus.WRONG_RECIPIENT);
        invitations().revoke(survey, "5007");
        clock.advance(Duration.ofHours(2));
        RecordingOutbox outbox = RecordingOutbox.working(clock);
        MailingService mailings = mailings(outbox);
        Mailing reminder = mailings.register(survey, Mailing.toEveryOpen("reminder-1", MailKind.REMINDER));

        MailingPlan plan = mailings.plan(survey, reminder);
        MailingReport report = mailings.run(survey, reminder.id());

        assertEquals(List.of("5001", "5002", "5003"), plan.recipients().stream()
                .map(r -> r.invitee().orgNumber()).toList());
        assertEquals(List.of(
                new MailingPlan.Excluded("5004", "Testkommune 5004", Exclusion.COMPLETED),
                new MailingPlan.Excluded("5005", "Testkommune 5005", Exclusion.DECLINED),
                new MailingPlan.Excluded("5006", "Testkommune 5006", Exclusion.WRONG_RECIPIENT),
                new MailingPlan.Excluded("5007", "Testkommune 5007", Exclusion.LINK_REVOKED),
                new MailingPlan.Excluded("5008", "Testkommune 5008", Exclusion.NO_ADDRESS),
                new MailingPlan.Excluded("5009", "Testkommune 5009", Exclusion.LINK_EXPIRED)), plan.excluded());
        assertEquals(List.of("5001", "5002", "5003"), report.sent());
        assertEquals(List.of("5001", "5002", "5003"), outbox.orgNumbers());
        for (RecordingOutbox.Sent sent : outbox.sent()) {
            IssuedInvitation invitation = issued.get(sent.orgNumber());
            OutgoingMail mail = sent.mail();
            assertEquals(invitation.organisation().contactEmails(), mail.to());
            assertEquals("barometer@partner.example", mail.replyTo());
            assertTrue(mail.content().subject().startsWith("Påminn"), mail.content().subject());
            assertTrue(mail.content().text().contains(invitation.link().toString()), "the invitation's link");
            assertEquals(sent.orgNumber(), responses.findByToken(Tokens.hash(invitation.token()), clock.instant())
                    .orElseThrow().organisation().number());
        }
    }

    @Test
    void secondStartOfAFinishedMailingSendsNothingAndCountsEveryoneAsMailed() {
        Survey survey = Surveys.open("mailing-again");
        invitations().inviteAll(survey, Organisations.kommuner(5101, 4), VALIDITY);
        RecordingOutbox outbox = RecordingOutbox.working(clock);
        MailingService mailings = mailings(outbox);
        Mailing invitation = mailings.register(survey, Mailing.toEveryOpen("invitation", MailKind.INVITATION));
        mailings.run(survey, invitation.id());

        MailingReport again = mailings.run(survey, invitation.id());

        assertEquals(List.of(), again.sent());
        assertEquals(4, outbox.sent().size());
        assertEquals(4, again.plan().excluded().stream().filter(e -> e.reason() == Exclusion.ALREADY_MAILED).count());
        assertEquals(Map.of("5101", MailState.SENT, "5102", MailState.SENT, "5103", MailState.SENT,
                "5104", MailState.SENT), store.mails(survey.id(), invitation.id()));
    }

    @Test
    void invitationMailCarriesTheLinkTheInvitationIssued() {
        Survey survey = Surveys.open("invitation-link");
        IssuedInvitation issued = invitations().invite(survey, Organisations.halden(), VALIDITY);
        RecordingOutbox outbox = RecordingOutbox.working(clock);
        MailingService mailings = mailings(outbox);

        mailings.run(survey, mailings.register(survey, Mailing.toEveryOpen("inv", MailKind.INVITATION)).id());

        OutgoingMail mail = outbox.sent().get(0).mail();
        assertEquals("inv-3101", mail.reference());
        assertTrue(mail.content().subject().contains("invitasjon til Halden kommune"), mail.content().subject());
        assertTrue(mail.content().html().contains("href=\"" + issued.link() + "\""));
    }

    @Test
    void chosenListIsNarrowedByTheSameRulesAndNamesOrganisationsWithoutInvitation() {
        Survey survey = Surveys.open("chosen");
        Map<String, IssuedInvitation> issued = invitations().inviteAll(survey, Organisations.kommuner(5201, 3),
                VALIDITY).stream().collect(Collectors.toMap(i -> i.organisation().number(), Function.identity()));
        submit(save(issued.get("5202"), ResponseStatus.IN_PROGRESS));
        RecordingOutbox outbox = RecordingOutbox.working(clock);
        MailingService mailings = mailings(outbox);
        Mailing chosen = mailings.register(survey,
                Mailing.toChosen("resend", MailKind.REMINDER, Set.of("5201", "5202", "9999")));

        MailingReport report = mailings.run(survey, chosen.id());

        assertEquals(List.of("5201"), report.sent());
        assertEquals(List.of(new MailingPlan.Excluded("5202", "Testkommune 5202", Exclusion.COMPLETED),
                new MailingPlan.Excluded("9999", null, Exclusion.NOT_INVITED)), report.plan().excluded());
        assertEquals(List.of("5201"), outbox.orgNumbers());
    }

    @Test
    void refusalMidMailingThenARestartMailsEveryoneExactlyOnce() {
        Survey survey = Surveys.open("crash-refused");
        invitations().inviteAll(survey, Organisations.kommuner(5301, 12), VALIDITY);
        RecordingOutbox outbox = RecordingOutbox.working(clock);
        Mailing mailing = mailings(outbox).register(survey, Mailing.toEveryOpen("m", MailKind.INVITATION));

        assertThrows(MailRefusedException.class, () -> mailings(outbox.failingAfter(5, RecordingOutbox.Failure.REFUSE_NEXT))
                .run(survey, mailing.id()));
        assertEquals(5, outbox.sent().size());
        MailingReport resumed = mailings(outbox.restarted()).run(survey, mailing.id());

        assertEquals(7, resumed.sent().size());
        assertEveryoneMailedOnce(outbox, 5301, 12);
        assertEquals(12, store.mails(survey.id(), mailing.id()).values().stream()
                .filter(state -> state == MailState.SENT).count());
    }

    @Test
    void senderDyingAfterTheMailWentOutLeavesItClaimedAndARestartNeverSendsItAgain() {
        Survey survey = Surveys.open("crash-died");
        invitations().inviteAll(survey, Organisations.kommuner(5401, 10), VALIDITY);
        RecordingOutbox outbox = RecordingOutbox.working(clock);
        Mailing mailing = mailings(outbox).register(survey, Mailing.toEveryOpen("m", MailKind.INVITATION));

        assertThrows(IllegalStateException.class, () -> mailings(outbox.failingAfter(4,
                RecordingOutbox.Failure.DIE_AFTER_SENDING)).run(survey, mailing.id()));
        MailingService restarted = mailings(outbox.restarted());
        MailingPlan plan = restarted.plan(survey, mailing);
        MailingReport resumed = restarted.run(survey, mailing.id());

        assertEquals(6, resumed.sent().size());
        assertEveryoneMailedOnce(outbox, 5401, 10);
        assertEquals(MailState.CLAIMED, store.mails(survey.id(), mailing.id()).get("5404"),
                "the mail in doubt shows as claimed, never marked sent");
        assertTrue(plan.excluded().contains(new MailingPlan.Excluded("5404", "Testkommune 5404",
                Exclusion.ALREADY_MAILED)));
    }

    @Test
    void twoStartsOfTheSameMailingAtOnceSendEveryMailOnce() throws Exception {
        Survey survey = Surveys.open("concurrent");
        invitations().inviteAll(survey, Organisations.kommuner(5501, 40), VALIDITY);
        RecordingOutbox outbox = RecordingOutbox.working(clock);
        Mailing mailing = mailings(outbox).register(survey, Mailing.toEveryOpen("m", MailKind.REMINDER));

        List<MailingReport> reports = new ArrayList<>();
        ExecutorService starts = Executors.newFixedThreadPool(2);
        try {
            List<Future<MailingReport>> running = List.of(
                    starts.submit(() -> mailings(outbox).run(survey, mailing.id())),
                    starts.submit(() -> mailings(outbox).run(survey, mailing.id())));
            for (Future<MailingReport> run : running) {
                reports.add(run.get());
            }
        } finally {
            starts.shutdownNow();
        }

        assertEveryoneMailedOnce(outbox, 5501, 40);
        assertEquals(40, reports.get(0).sent().size() + reports.get(1).sent().size());
    }

    @Test
    void sendingKeepsWithinTheConfiguredRate() {
        Survey survey = Surveys.open("rate");
        invitations().inviteAll(survey, Organisations.kommuner(5601, 6), VALIDITY);
        RecordingOutbox outbox = RecordingOutbox.working(clock);
        MailingSettings twoPerSecond = new MailingSettings(SETTINGS.content(), SETTINGS.from(), 2);
        MailingService mailings = new MailingService(store, invitations(), outbox, twoPerSecond, clock, pause);
        Instant start = clock.instant();

        mailings.run(survey, mailings.register(survey, Mailing.toEveryOpen("m", MailKind.REMINDER)).id());

        List<Instant> at = outbox.sent().stream().map(RecordingOutbox.Sent::at).toList();
        assertEquals(start, at.get(0));
        for (int i = 1; i < at.size(); i++) {
            assertTrue(!Duration.between(at.get(i - 1), at.get(i)).minusMillis(500).isNegative(), at.toString());
        }
        assertEquals(Duration.ofMillis(2500), Duration.between(start, at.get(at.size() - 1)));
    }

    @Test
    void mailingIdNamesOneMailingOnly() {
        Survey survey = Surveys.open("ids");
        MailingService mailings = mailings(RecordingOutbox.working(clock));
        Mailing first = mailings.register(survey, Mailing.toEveryOpen("m", MailKind.INVITATION));

        assertEquals(first, mailings.register(survey, Mailing.toEveryOpen("m", MailKind.INVITATION)));
        assertThrows(IllegalArgumentException.class,
                () -> mailings.register(survey, Mailing.toEveryOpen("m", MailKind.REMINDER)));
        assertThrows(IllegalArgumentException.class, () -> mailings.run(survey, "unknown"));
    }

    @Test
    void closedSurveyIsNotMailed() {
        Survey closed = Surveys.closed(Surveys.open("closed"));

        assertThrows(IllegalStateException.class, () -> mailings(RecordingOutbox.working(clock))
                .plan(closed, Mailing.toEveryOpen("m", MailKind.REMINDER)));
    }

    private static void assertEveryoneMailedOnce(RecordingOutbox outbox, int first, int count) {
        List<String> expected = Organisations.kommuner(first, count).stream().map(Organisation::number).toList();
        assertEquals(expected, outbox.orgNumbers().stream().sorted().toList());
    }

    private InvitationService invitations() {
        return new InvitationService(new DynamoInvitationStore(table.client(), table.tableName()), key, clock);
    }

    private MailingService mailings(RecordingOutbox outbox) {
        return new MailingService(store, invitations(), outbox, SETTINGS, clock, pause);
    }

    private StoredResponse response(IssuedInvitation invitation) {
        return responses.findByToken(Tokens.hash(invitation.token()), clock.instant()).orElseThrow();
    }

    private StoredResponse save(IssuedInvitation invitation, ResponseStatus status) {
        StoredResponse response = response(invitation);
        WriteOutcome outcome = responses.savePage(response, new PageWrite(response.version(), status,
                JsonNodeFactory.instance.objectNode(), List.of("q0"), Surveys.QUESTIONNAIRE, 1, clock.instant(),
                new LastWrite(LastWrite.page("q0"), response.version(), "hash", List.of())));
        return assertInstanceOf(WriteOutcome.Written.class, outcome).response();
    }

    private void submit(StoredResponse response) {
        assertInstanceOf(WriteOutcome.Written.class, responses.submit(response, new Submission(response.version(),
                clock.instant(), new LastWrite(LastWrite.SUBMIT, response.version(), "hash", List.of()))));
    }
}

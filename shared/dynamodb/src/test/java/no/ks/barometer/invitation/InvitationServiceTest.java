package no.ks.barometer.invitation;

import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.response.StoredResponse;
import no.ks.barometer.store.DynamoInvitationStore;
import no.ks.barometer.store.ResponseDao;
import no.ks.barometer.survey.Survey;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.testing.MutableClock;
import no.ks.barometer.testing.Organisations;
import no.ks.barometer.testing.Surveys;
import no.ks.barometer.token.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocal.class)
class InvitationServiceTest {

    private static final Duration VALIDITY = Duration.ofDays(90);
    private static DynamoDbLocal.LocalTable table;
    private static MutableClock clock;
    private static InvitationService invitations;
    private static ResponseDao responses;

    @BeforeAll
    static void setUp(DynamoDbLocal.LocalTable localTable) {
        table = localTable;
        clock = new MutableClock(Surveys.START);
        invitations = new InvitationService(new DynamoInvitationStore(table.client(), table.tableName()), clock);
        responses = new ResponseDao(table.client(), table.tableName());
    }

    @Test
    void invitationOpensTheResponseOfItsOrganisation() {
        Survey survey = Surveys.open("invite-one");
        IssuedInvitation issued = invitations.invite(survey, Organisations.halden(), VALIDITY);

        StoredResponse response = responses.findByToken(Tokens.hash(issued.token()), clock.instant()).orElseThrow();

        assertEquals(Organisations.halden(), response.organisation());
        assertEquals(ResponseStatus.INVITED, response.status());
        assertEquals(0, response.version());
        assertEquals(clock.instant(), response.times().invitedAt());
        assertEquals(clock.instant().plus(VALIDITY), response.tokenExpiresAt());
    }

    @Test
    void linkCarriesTheTokenInTheFragmentOnly() {
        IssuedInvitation issued = invitations.invite(Surveys.open("invite-link"), Organisations.oestfold(), VALIDITY);

        assertEquals("https://barometer.example/#t=" + issued.token(), issued.link().toString());
        assertEquals(null, issued.link().getQuery());
        assertEquals("t=" + issued.token(), issued.link().getFragment());
    }

    @Test
    void issuedInvitationWrittenToALogShowsNeitherTokenNorLink() {
        IssuedInvitation issued = invitations.invite(Surveys.open("invite-log"), Organisations.halden(), VALIDITY);

        String logged = String.valueOf(issued);

        assertFalse(logged.contains(issued.token()), logged);
        assertTrue(logged.contains(Organisations.halden().number()), logged);
    }

    @Test
    void theTokenItselfIsNeverStored() {
        IssuedInvitation issued = invitations.invite(Surveys.open("invite-hash"), Organisations.halden(), VALIDITY);

        String everything = table.client().scan(ScanRequest.builder().tableName(table.tableName()).build())
                .items().toString();
        assertFalse(everything.contains(issued.token()));
        assertTrue(everything.contains(Tokens.hash(issued.token())));
    }

    @Test
    void secondInvitationOfAnOrganisationIsRefused() {
        Survey survey = Surveys.open("invite-twice");
        IssuedInvitation first = invitations.invite(survey, Organisations.halden(), VALIDITY);

        AlreadyInvitedException refused = assertThrows(AlreadyInvitedException.class,
                () -> invitations.invite(survey, Organisations.halden(), VALIDITY));

        assertEquals(List.of("3101"), refused.orgNumbers());
        assertTrue(responses.findByToken(Tokens.hash(first.token()), clock.instant()).isPresent());
    }

    @Test
    void theSameOrganisationMayBeInvitedToAnotherSurvey() {
        invitations.invite(Surveys.open("invite-a"), Organisations.halden(), VALIDITY);
        IssuedInvitation other = invitations.invite(Surveys.open("invite-b"), Organisations.halden(), VALIDITY);

        assertEquals("invite-b",
                responses.findByToken(Tokens.hash(other.token()), clock.instant()).orElseThrow().surveyId());
    }

    @Test
    void everyOrganisationOfALargeBatchGetsItsOwnWorkingLink() {
        Survey survey = Surveys.open("invite-batch");
        List<Organisation> organisations = Organisations.kommuner(4601, 372);

        List<IssuedInvitation> issued = invitations.inviteAll(survey, organisations, VALIDITY);

        assertEquals(372, issued.size());
        for (int i = 0; i < issued.size(); i++) {
            assertEquals(organisations.get(i), issued.get(i).organisation());
        }
        assertEquals(372, issued.stream().map(IssuedInvitation::token).distinct().count());
        for (IssuedInvitation invitation : List.of(issued.get(0), issued.get(200), issued.get(371))) {
            assertEquals(invitation.organisation().number(), responses.findByToken(
                    Tokens.hash(invitation.token()), clock.instant()).orElseThrow().organisation().number());
        }
    }

    @Test
    void batchWithOneOrganisationInvitedAlreadyWritesNothing() {
        Survey survey = Surveys.open("invite-clash");
        List<Organisation> organisations = Organisations.kommuner(5001, 80);
        invitations.invite(survey, organisations.get(60), VALIDITY);

        AlreadyInvitedException refused = assertThrows(AlreadyInvitedException.class,
                () -> invitations.inviteAll(survey, organisations, VALIDITY));

        assertEquals(List.of(organisations.get(60).number()), refused.orgNumbers());
        assertEquals(1, invitationItems("invite-clash").size());
    }

    @Test
    void organisationListedTwiceInABatchIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> invitations.inviteAll(Surveys.open("invite-dup"),
                List.of(Organisations.halden(), Organisations.halden()), VALIDITY));
        assertEquals(0, invitationItems("invite-dup").size());
    }

    @Test
    void reissuedLinkReplacesTheOldOneAndKeepsTheResponse() {
        Survey survey = Surveys.open("reissue");
        IssuedInvitation first = invitations.invite(survey, Organisations.halden(), VALIDITY);
        StoredResponse before = responses.findByToken(Tokens.hash(first.token()), clock.instant()).orElseThrow();
        responses.markOpened(before, clock.instant());

        IssuedInvitation second = invitations.reissue(survey, "3101", VALIDITY);

        assertTrue(responses.findByToken(Tokens.hash(first.token()), clock.instant()).isEmpty());
        StoredResponse after = responses.findByToken(Tokens.hash(second.token()), clock.instant()).orElseThrow();
        assertEquals(ResponseStatus.OPENED, after.status());
        assertEquals(Organisations.halden(), second.organisation());
        assertFalse(first.token().equals(second.token()));
    }

    @Test
    void revokedLinkStopsWorkingUntilReissued() {
        Survey survey = Surveys.open("revoke");
        IssuedInvitation issued = invitations.invite(survey, Organisations.oestfold(), VALIDITY);

        invitations.revoke(survey, "31");

        assertTrue(responses.findByToken(Tokens.hash(issued.token()), clock.instant()).isEmpty());
        IssuedInvitation again = invitations.reissue(survey, "31", VALIDITY);
        assertTrue(responses.findByToken(Tokens.hash(again.token()), clock.instant()).isPresent());
    }

    @Test
    void expiredLinkStopsWorking() {
        Survey survey = Surveys.open("expire");
        MutableClock own = new MutableClock(Surveys.START);
        IssuedInvitation issued = new InvitationService(
                new DynamoInvitationStore(table.client(), table.tableName()), own)
                .invite(survey, Organisations.halden(), Duration.ofHours(1));

        assertTrue(responses.findByToken(Tokens.hash(issued.token()), own.instant().plusSeconds(3599)).isPresent());
        assertTrue(responses.findByToken(Tokens.hash(issued.token()), own.instant().plusSeconds(3600)).isEmpty());
    }

    @Test
    void reissueOrRevokeOfAnOrganisationNotInvitedIsRefused() {
        Survey survey = Surveys.open("not-invited");
        assertThrows(NotInvitedException.class, () -> invitations.reissue(survey, "3101", VALIDITY));
        assertThrows(NotInvitedException.class, () -> invitations.revoke(survey, "3101"));
    }

    @Test
    void linkMustBeValidForSomeTime() {
        assertThrows(IllegalArgumentException.class,
                () -> invitations.invite(Surveys.open("no-time"), Organisations.halden(), Duration.ZERO));
    }

    private static List<Map<String, AttributeValue>> invitationItems(String surveyId) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        table.client().scanPaginator(ScanRequest.builder().tableName(table.tableName()).build()).items()
                .forEach(item -> {
                    if (item.get("pk").s().equals("SURVEY#" + surveyId) && item.get("sk").s().startsWith("ORG#")) {
                        items.add(item);
                    }
                });
        return items;
    }
}

package no.ks.barometer.admin;

import no.ks.barometer.invitation.IssuedInvitation;
import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.response.StoredResponse;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.token.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static no.ks.barometer.admin.AdminFixture.ADMIN;
import static no.ks.barometer.admin.AdminFixture.done;
import static no.ks.barometer.admin.AdminFixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocal.class)
class InvitationAdminTest {

    private static final String CSV = "number,name,type,fylke,population,maalform,emails\n"
            + "3101,Halden,kommune,31,31444,Bokmål,postmottak@halden.kommune.example\n"
            + "3103,Sarpsborg,kommune,31,60000,Bokmål,post@sarpsborg.example\n"
            + "3105,Fredrikstad,kommune,31,85000,Bokmål,post@fredrikstad.example\n";

    private static AdminFixture fixture;
    private static InvitationAdmin invitations;

    @BeforeAll
    static void setUp(DynamoDbLocal.LocalTable table) {
        fixture = new AdminFixture(table);
        invitations = fixture.admin.invitations();
    }

    private static List<IssuedInvitation> invited(String surveyId) {
        fixture.createSurvey(surveyId);
        return done(fixture.admin.register().importFile(surveyId, CSV, RegisterFormat.CSV, ADMIN)).invited();
    }

    @Test
    void listIsPagedByOrganisationNumberWithStatusTimesAndLinkState() {
        invited("list-paged");
        fixture.respond("list-paged", "3103", ResponseStatus.OPENED, "{}");

        ListPage<InvitationSummary> first = done(invitations.list("list-paged", Optional.empty(), 2));
        ListPage<InvitationSummary> second = done(invitations.list("list-paged", first.next(), 2));

        List<InvitationSummary> all = new ArrayList<>(first.items());
        all.addAll(second.items());
        assertEquals(List.of("3101", "3103", "3105"), all.stream().map(s -> s.organisation().number()).toList());
        assertEquals(ResponseStatus.OPENED, all.get(1).status());
        assertNotNull(all.get(1).times().openedAt());
        assertEquals(InvitationSummary.LinkState.ACTIVE, all.get(0).link(fixture.clock.instant()));
        assertTrue(second.next().isEmpty() || done(invitations.list("list-paged", second.next(), 2)).items().isEmpty());
    }

    @Test
    void badPageParametersAreRefused() {
        fixture.createSurvey("list-bad");
        assertEquals(Refusal.INVALID_REQUEST, refused(invitations.list("list-bad", Optional.empty(), 0)).reason());
        assertEquals(Refusal.INVALID_REQUEST, refused(invitations.list("list-bad", Optional.empty(), 501)).reason());
        assertEquals(Refusal.INVALID_REQUEST, refused(invitations.list("list-bad", Optional.of("x"), 5)).reason());
        assertEquals(Refusal.SURVEY_NOT_FOUND, refused(invitations.list("finnes-ikke", Optional.empty(), 5)).reason());
    }

    @Test
    void reissuedLinkReplacesTheOldOneAndTheAnswersStay() {
        IssuedInvitation old = invited("reissue-one").getFirst();
        fixture.respond("reissue-one", "3101", ResponseStatus.IN_PROGRESS, "{\"Q0\": {\"choice\": 1}}");

        IssuedInvitation fresh = done(invitations.reissue("reissue-one", "3101", ADMIN));

        assertTrue(fixture.responses.findByToken(Tokens.hash(old.token()), fixture.clock.instant()).isEmpty());
        StoredResponse response = fixture.responses.findByToken(Tokens.hash(fresh.token()), fixture.clock.instant())
                .orElseThrow();
        assertEquals(1, response.answers().size());
        InvitationSummary summary = done(invitations.list("reissue-one", Optional.empty(), 10)).items().getFirst();
        assertEquals(fixture.clock.instant(), summary.reissuedAt());
    }

    @Test
    void revokedLinkStopsWorkingUntilAReissue() {
        IssuedInvitation old = invited("revoke-one").get(1);

        assertEquals("3103", done(invitations.revoke("revoke-one", "3103", ADMIN)));

        assertTrue(fixture.responses.findByToken(Tokens.hash(old.token()), fixture.clock.instant()).isEmpty());
        InvitationSummary summary = done(invitations.list("revoke-one", Optional.empty(), 10)).items().get(1);
        assertNull(summary.tokenExpiresAt());
        assertEquals(InvitationSummary.LinkState.REVOKED, summary.link(fixture.clock.instant()));
        IssuedInvitation fresh = done(invitations.reissue("revoke-one", "3103", ADMIN));
        assertTrue(fixture.responses.findByToken(Tokens.hash(fresh.token()), fixture.clock.instant()).isPresent());
    }

    @Test
    void organisationWithoutInvitationIsRefused() {
        fixture.createSurvey("reissue-none");
        assertEquals(Refusal.NOT_INVITED, refused(invitations.reissue("reissue-none", "3101", ADMIN)).reason());
        assertEquals(Refusal.NOT_INVITED, refused(invitations.revoke("reissue-none", "3101", ADMIN)).reason());
        assertEquals(Refusal.SURVEY_NOT_FOUND, refused(invitations.revoke("finnes-ikke", "3101", ADMIN)).reason());
    }
}

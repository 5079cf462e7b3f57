package no.ks.barometer.admin;

import no.ks.barometer.invitation.InvitationService;
import no.ks.barometer.invitation.IssuedInvitation;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.store.DynamoInvitationStore;
import no.ks.barometer.store.ResponseDao;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.testing.MutableClock;
import no.ks.barometer.testing.Organisations;
import no.ks.barometer.testing.Surveys;
import no.ks.barometer.token.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocal.class)
class ConcurrentInvitationTest {

    private static final Duration VALIDITY = Duration.ofDays(30);

    @Test
    void organisationInvitedByAnotherCallMidBatchIsLeftOutAndEveryWrittenLinkIsReturned(
            DynamoDbLocal.LocalTable table) {
        MutableClock clock = new MutableClock(Surveys.START);
        InvitationService other = new InvitationService(
                new DynamoInvitationStore(table.client(), table.tableName()), clock);
        List<Organisation> organisations = Organisations.kommuner(4601, 120);
        Organisation contested = organisations.get(75);
        AtomicBoolean raced = new AtomicBoolean();
        // Just before the second transaction (organisations 50 to 99) goes out, someone else invites one of them.
        RecordingClient racing = new RecordingClient(table.client(), (operation, request) -> {
            if (operation.equals("transactWriteItems") && !raced.get()
                    && request.toString().contains("ORG#" + organisations.get(50).number())) {
                raced.set(true);
                other.invite(Surveys.open("race"), contested, VALIDITY);
            }
        });
        InvitationService invitations = new InvitationService(
                new DynamoInvitationStore(racing.client, table.tableName()), clock);

        List<IssuedInvitation> issued = invitations.inviteAll(Surveys.open("race"), organisations, VALIDITY);

        assertTrue(raced.get());
        assertEquals(119, issued.size());
        assertTrue(issued.stream().noneMatch(i -> i.organisation().equals(contested)));
        ResponseDao responses = new ResponseDao(table.client(), table.tableName());
        for (IssuedInvitation invitation : issued) {
            assertTrue(responses.findByToken(Tokens.hash(invitation.token()), clock.instant()).isPresent(),
                    invitation.organisation().number());
        }
    }
}

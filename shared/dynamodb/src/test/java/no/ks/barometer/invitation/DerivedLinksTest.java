package no.ks.barometer.invitation;

import no.ks.barometer.store.DynamoInvitationStore;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Links are derived from a key the table never sees (docs/decisions/0010-derived-tokens.md). */
@ExtendWith(DynamoDbLocal.class)
class DerivedLinksTest {

    private static final Duration VALIDITY = Duration.ofDays(90);
    private static final byte[] KEY_BYTES = HexFormat.of().parseHex(
            "8f1c2a3b4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8");
    private static final Pattern URL_SAFE_RUN = Pattern.compile("[A-Za-z0-9_-]{" + Tokens.LENGTH + ",}");

    private static DynamoDbLocal.LocalTable table;
    private static MutableClock clock;
    private static DynamoInvitationStore store;
    private static InvitationService invitations;
    private static ResponseDao responses;

    @BeforeAll
    static void setUp(DynamoDbLocal.LocalTable localTable) {
        table = localTable;
        clock = new MutableClock(Surveys.START);
        store = new DynamoInvitationStore(table.client(), table.tableName());
        invitations = new InvitationService(store, new HmacLinkKey(KEY_BYTES), clock);
        responses = new ResponseDao(table.client(), table.tableName());
    }

    @Test
    void tableHoldsNothingFromWhichALinkCanBeMadeAfterInviteReissueAndRevoke() {
        Survey survey = Surveys.open("derived-scan");
        invitations.inviteAll(survey, List.of(Organisations.halden(), Organisations.oestfold()), VALIDITY);
        invitations.reissue(survey, "3101", VALIDITY);
        invitations.revoke(survey, "31");
        invitations.reissue(survey, "31", VALIDITY);
        invitations.revoke(survey, "3101");
        String working = invitations.currentLink(survey, store.find(survey.id(), "31").orElseThrow())
                .orElseThrow().token();

        List<String> values = new ArrayList<>();
        table.client().scanPaginator(ScanRequest.builder().tableName(table.tableName()).build()).items()
                .forEach(item -> strings(item, values));
        Set<String> storedHashes = new TreeSet<>();
        values.stream().filter(v -> v.matches("[0-9a-f]{64}")).forEach(storedHashes::add);
        List<String> keyForms = List.of(HexFormat.of().formatHex(KEY_BYTES),
                Base64.getEncoder().encodeToString(KEY_BYTES), Base64.getUrlEncoder().encodeToString(KEY_BYTES));

        assertTrue(storedHashes.contains(Tokens.hash(working)), "the working link's hash is stored");
        for (String value : values) {
            for (String candidate : tokenCandidates(value)) {
                assertFalse(storedHashes.contains(Tokens.hash(candidate)), "a stored value is a token: " + value);
            }
            for (String form : keyForms) {
                assertFalse(value.contains(form.substring(0, 16)), "a stored value holds the key: " + value);
            }
        }
    }

    @Test
    void currentGenerationsTokenOpensTheResponseAndAnOldGenerationsDoesNot() {
        Survey survey = Surveys.open("derived-generations");
        IssuedInvitation first = invitations.invite(survey, Organisations.halden(), VALIDITY);
        IssuedInvitation second = invitations.reissue(survey, "3101", VALIDITY);

        InvitedOrganisation stored = store.find(survey.id(), "3101").orElseThrow();
        IssuedInvitation current = invitations.currentLink(survey, stored).orElseThrow();

        assertEquals(2, stored.linkGeneration());
        assertEquals(second.link(), current.link());
        assertTrue(responses.findByToken(Tokens.hash(current.token()), clock.instant()).isPresent());
        assertEquals(first.token(), Tokens.derive(new HmacLinkKey(KEY_BYTES), survey.id(), "3101", 1));
        assertTrue(responses.findByToken(Tokens.hash(first.token()), clock.instant()).isEmpty());
    }

    @Test
    void invitationAndItsRemindersCarryTheSameLink() {
        Survey survey = Surveys.open("derived-same");
        IssuedInvitation invited = invitations.invite(survey, Organisations.oestfold(), VALIDITY);

        IssuedInvitation again = invitations.currentLink(survey, store.find(survey.id(), "31").orElseThrow())
                .orElseThrow();

        assertEquals(invited.link(), again.link());
    }

    @Test
    void revocationMovesTheGenerationSoNoCurrentLinkExistsUntilAReissue() {
        Survey survey = Surveys.open("derived-revoke");
        invitations.invite(survey, Organisations.halden(), VALIDITY);

        invitations.revoke(survey, "3101");
        InvitedOrganisation revoked = store.find(survey.id(), "3101").orElseThrow();
        IssuedInvitation reissued = invitations.reissue(survey, "3101", VALIDITY);

        assertEquals(2, revoked.linkGeneration());
        assertTrue(invitations.currentLink(survey, revoked).isEmpty());
        assertEquals(3, store.find(survey.id(), "3101").orElseThrow().linkGeneration());
        assertTrue(responses.findByToken(Tokens.hash(reissued.token()), clock.instant()).isPresent());
    }

    @Test
    void anotherKeyCannotMakeTheStoredLinkAndSaysSo() {
        Survey survey = Surveys.open("derived-other-key");
        invitations.invite(survey, Organisations.halden(), VALIDITY);
        InvitationService otherKey = new InvitationService(store, HmacLinkKey.ephemeral(), clock);

        assertThrows(IllegalStateException.class,
                () -> otherKey.currentLink(survey, store.find(survey.id(), "3101").orElseThrow()));
    }

    @Test
    void reissueFromAStaleReadIsRefused() {
        Survey survey = Surveys.open("derived-stale");
        invitations.invite(survey, Organisations.halden(), VALIDITY);
        InvitedOrganisation stale = store.find(survey.id(), "3101").orElseThrow();
        invitations.reissue(survey, "3101", VALIDITY);

        assertThrows(IllegalStateException.class, () -> store.replaceToken(survey.id(), "3101", stale,
                new TokenGrant(Tokens.hash("x"), stale.linkGeneration() + 1, clock.instant().plus(VALIDITY)),
                clock.instant()));
    }

    /** Every run of token characters in the value, and every token-long window of it. */
    private static List<String> tokenCandidates(String value) {
        List<String> candidates = new ArrayList<>();
        Matcher run = URL_SAFE_RUN.matcher(value);
        while (run.find()) {
            for (int from = run.start(); from + Tokens.LENGTH <= run.end(); from++) {
                candidates.add(value.substring(from, from + Tokens.LENGTH));
            }
        }
        return candidates;
    }

    private static void strings(Map<String, AttributeValue> map, List<String> into) {
        map.forEach((name, value) -> {
            into.add(name);
            collect(value, into);
        });
    }

    private static void collect(AttributeValue value, List<String> into) {
        if (value.s() != null) {
            into.add(value.s());
        } else if (value.n() != null) {
            into.add(value.n());
        } else if (value.b() != null) {
            into.add(Base64.getEncoder().encodeToString(value.b().asByteArray()));
        } else if (value.hasM()) {
            strings(value.m(), into);
        } else if (value.hasL()) {
            value.l().forEach(element -> collect(element, into));
        }
    }
}

package no.ks.barometer.systemtests;

import no.ks.barometer.functions.savepage.SavePageHandler;
import no.ks.barometer.systemtests.RespondentClient.Reply;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.testing.Organisations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A warm container remembers the response it last wrote and saves the next page without reading it first. These
 * prove that what it remembers never wins over what is stored: other containers' writes, revoked and replaced
 * tokens, expiry.
 */
@ExtendWith(DynamoDbLocal.class)
class WarmContainerTest {

    private static RespondentClient api;
    private static SavePageHandler otherContainer;

    @BeforeAll
    static void setUp(DynamoDbLocal.LocalTable table) {
        api = new RespondentClient(table, "warm");
        otherContainer = new SavePageHandler(table.client(), table.tableName(), api.clock);
    }

    @Test
    void saveInAnotherContainerIsSeenByTheWarmOne() {
        String token = api.invite(Organisations.kommuner(1301, 1).get(0));
        api.put(token, "q0", 0, "{\"Q0\":{\"choice\":1}}");
        Reply elsewhere = save(otherContainer, token, "q1", 1, "{\"Q1\":{\"choice\":1}}");

        Reply next = api.put(token, "q2", 2, "{\"Q2\":{\"choice\":1}}");

        assertEquals(200, elsewhere.status());
        assertEquals(200, next.status(), next.raw());
        assertEquals(3, next.version());
    }

    @Test
    void sameVersionSavedInTwoContainersConflictsInTheSecond() {
        String token = api.invite(Organisations.kommuner(1302, 1).get(0));
        api.put(token, "q0", 0, "{\"Q0\":{\"choice\":1}}");
        save(otherContainer, token, "q0", 0, "{\"Q0\":{\"choice\":1}}");
        api.put(token, "q1", 1, "{\"Q1\":{\"choice\":1}}");

        Reply stale = save(otherContainer, token, "q1", 1, "{\"Q1\":{\"choice\":2}}");

        assertEquals(409, stale.status());
        assertEquals(1, stale.body().get("current").get("answers").get("Q1").get("choice").intValue());
        assertEquals("2", api.item("1302").get("version").n());
    }

    @Test
    void revokedTokenIsRefusedByAWarmContainer() {
        String token = api.invite(Organisations.kommuner(1303, 1).get(0));
        api.put(token, "q0", 0, "{\"Q0\":{\"choice\":1}}");
        api.invitations.revoke(api.survey, "1303");
        var stored = api.item("1303");

        Reply invalid = api.put(token, "q1", 1, "{\"Q1\":{\"choice\":99}}");
        Reply save = api.put(token, "q1", 1, "{\"Q1\":{\"choice\":1}}");

        assertEquals(401, invalid.status());
        assertEquals(401, save.status());
        assertEquals(stored, api.item("1303"));
    }

    @Test
    void revokedTokenIsRefusedByAWarmContainerEvenForAnUnknownPage() {
        String token = api.invite(Organisations.kommuner(1307, 1).get(0));
        api.put(token, "q0", 0, "{\"Q0\":{\"choice\":1}}");
        api.invitations.revoke(api.survey, "1307");

        assertEquals(401, api.put(token, "q99", 1, "{}").status());
    }

    @Test
    void revokedTokenIsRefusedByAWarmContainerThatWouldStoreThePage() {
        String token = api.invite(Organisations.kommuner(1308, 1).get(0));
        api.put(token, "q0", 0, "{\"Q0\":{\"choice\":1}}");
        api.invitations.revoke(api.survey, "1308");

        Reply refused = api.put(token, "q1", 1, "{\"Q1\":{\"choice\":1}}");

        assertEquals(401, refused.status());
        assertEquals("Bearer realm=\"barometer\", error=\"invalid_token\"", refused.headers().get("WWW-Authenticate"));
        assertEquals("1", api.item("1308").get("version").n());
    }

    @Test
    void replacedTokenIsRefusedAndTheNewOneContinues() {
        String token = api.invite(Organisations.kommuner(1304, 1).get(0));
        api.put(token, "q0", 0, "{\"Q0\":{\"choice\":1}}");
        String reissued = api.invitations.reissue(api.survey, "1304", RespondentClient.VALIDITY).token();

        Reply old = api.put(token, "q1", 1, "{\"Q1\":{\"choice\":1}}");
        Reply fresh = api.put(reissued, "q1", 1, "{\"Q1\":{\"choice\":1}}");

        assertEquals(401, old.status());
        assertEquals(200, fresh.status());
        assertEquals(2, fresh.version());
    }

    @Test
    void expiredTokenIsRefusedByAWarmContainer() {
        String token = api.invitations.invite(api.survey, Organisations.kommuner(1305, 1).get(0),
                Duration.ofMinutes(10)).token();
        api.put(token, "q0", 0, "{\"Q0\":{\"choice\":1}}");
        api.clock.advance(Duration.ofMinutes(10));

        assertEquals(401, api.put(token, "q1", 1, "{\"Q1\":{\"choice\":1}}").status());
    }

    @Test
    void submitInAnotherContainerClosesTheResponseForTheWarmOne() {
        String token = api.invite(Organisations.kommuner(1306, 1).get(0));
        long version = 0;
        for (var page : Pages.doesNotKnow().entrySet()) {
            version = api.put(token, page.getKey(), version, page.getValue()).version();
        }
        assertEquals(200, api.submit(token, version).status());

        Reply late = api.put(token, "q28", version, "{\"Q28\":{\"text\":\"Etterpå\"}}");

        assertEquals(409, late.status());
        assertEquals("urn:barometer:problem:response-closed", late.problemType());
    }

    private static Reply save(SavePageHandler handler, String token, String page, long version, String answers) {
        var event = RespondentClient.event("PUT", "/v1/response/pages/{pageId}", "/v1/response/pages/" + page,
                token, "{\"version\":" + version + ",\"answers\":" + answers + "}", "application/json");
        event.setPathParameters(java.util.Map.of("pageId", page));
        return Reply.of(handler.handleRequest(event, null));
    }
}
